/* patterns.h - the grammar's pcre2 patterns, compiled once by world.c.
 *
 * They run over sentence text (case-insensitive, UTF-8). Word lists that
 * are reference data (countries, offices, places, honorifics) are not here:
 * they live in ontology/data and are matched through the gazetteer. */
#ifndef ATTACHE_PATTERNS_H
#define ATTACHE_PATTERNS_H

/* Contact between people: verbs and nouns (meetings.c). Group 1 is the
 * trigger proper. Passive forms ("was received by") are told apart by
 * ATT_RE_PASSIVE-like checks in meetings.c on the matched text. */
#define ATT_RE_MEET_TRIGGER                                                                        \
    "\\b("                                                                                         \
    "(?:was|were|being)\\s+(?:warmly\\s+)?(?:received|welcomed|hosted|met|greeted)\\s+by"        \
    "|(?:met|meets|meet|meeting)(?:\\s+(?:separately|briefly|again|virtually|online))?"           \
    "(?:\\s+(?:with|up\\s+with))?"                                                                 \
    "|(?:held|holds|hold|had|has|having|conducted|conducts|co-chaired|co-chairs|chaired|"        \
    "attended)\\s+(?:a\\s+|an\\s+|the\\s+|their\\s+|his\\s+|her\\s+)?"                             \
    "(?:[\\w'’-]+\\s+){0,4}?"                                                                      \
    "(?:talks|meeting|meetings|conversation|call|consultations|discussions?|dialogue|"            \
    "videoconference|video\\s+conference|summit|session|phone\\s+talks|exchange)"                  \
    "(?:\\s+(?:[\\w'’-]+\\s+){0,8}?(?:with|between))?"                                            \
    "|(?:talked|talks|spoke|speaks|speaking|conversed)"                                            \
    "(?:\\s+(?:by\\s+(?:tele)?phone|over\\s+the\\s+(?:tele)?phone|on\\s+the\\s+(?:tele)?phone|"  \
    "via\\s+video(?:\\s+link)?|virtually|today|on\\s+\\w+))?"                                     \
    "\\s+(?:with|to)"                                                                              \
    "|(?:received|receives|receiving)\\s+(?:a\\s+)?(?:phone|telephone|courtesy|video)\\s+"       \
    "(?:call|calls)\\s+from"                                                                       \
    "|(?:received|receives|hosted|hosts|welcomed|welcomes|greeted)"                                \
    "|(?:called|calls|paid\\s+a\\s+courtesy\\s+call|pays\\s+a\\s+courtesy\\s+call)\\s+on"          \
    "|(?:phoned|telephoned|rang)"                                                                  \
    "|exchanged\\s+(?:greetings|views|pleasantries)\\s+with"                                       \
    "|(?:shook\\s+hands|sat\\s+down)\\s+with"                                                      \
    "|(?:were|was)\\s+joined\\s+by"                                                                \
    "|(?:a|the|their|his|her)\\s+(?:[\\w'’-]+\\s+){0,3}?"                                         \
    "(?:meeting|talks|conversation|call|summit)\\s+(?:between|with)"                               \
    "|in\\s+a\\s+(?:[\\w'’-]+\\s+){0,2}?(?:phone|telephone|video)\\s+(?:call|conversation)"      \
    "|bilateral\\s+meeting\\s+with"                                                                \
    "|brought\\s+together"                                                                         \
    ")\\b"

/* People added to the meeting just reported ("Also present at the talks
 * were ...", "The meeting was also attended by ...", "joined the
 * discussion"). Not "accompanied by": companions of a visit are not
 * participants. */
#define ATT_RE_MEET_JOIN                                                                           \
    "\\b(?:also\\s+present|(?:was|were)\\s+(?:also\\s+)?present\\s+(?:at|during|in)|"            \
    "also\\s+taking\\s+part|also\\s+took\\s+part|also\\s+participated|"                           \
    "(?:was|were)\\s+(?:also\\s+)?attended\\s+by|also\\s+attended\\s+(?:the|by)|"                 \
    "joined\\s+the\\s+(?:talks|meeting|discussions?|conversation|call|session)|"                   \
    "(?:meeting|talks|session|summit|conversation)\\s+(?:also\\s+)?brought\\s+together|"           \
    "present\\s+at\\s+the\\s+(?:talks|meeting|reception))"

/* The contact is a phone call. */
#define ATT_RE_PHONE "\\b(?:phone|telephone|phoned|telephoned|by\\s+phone|a\\s+call\\b|the\\s+call\\b)"
/* The contact is a video call. */
#define ATT_RE_VIDEO                                                                               \
    "\\b(?:video|videoconference|virtual|virtually|online|video\\s+link|in\\s+virtual\\s+format)"

/* A sentence about what is to come: a planned contact is not a meeting. */
#define ATT_RE_FUTURE                                                                              \
    "\\b(?:will|shall|would|is\\s+to|are\\s+to|to\\s+be\\s+held|is\\s+scheduled|are\\s+scheduled" \
    "|is\\s+expected|are\\s+expected|is\\s+set\\s+to|are\\s+set\\s+to|plans?\\s+to|planned\\s+to" \
    "|intends?\\s+to|hopes?\\s+to|could|may|might|is\\s+due|are\\s+due|looked\\s+forward|"         \
    "look\\s+forward|looks\\s+forward|invited|invitation|preparations?\\s+for|preparing|"          \
    "prepare\\s+for|is\\s+considering|upcoming|next\\s+(?:meeting|round|session)|"                 \
    "is\\s+going\\s+to|are\\s+going\\s+to)\\b"

/* Scheduled events: group 1 is the trigger (scheduled.c). */
#define ATT_RE_SCHED_TRIGGER                                                                       \
    "\\b("                                                                                         \
    "(?:will|would|shall)\\s+(?:also\\s+)?(?:be\\s+held|take\\s+place|meet|convene|hold|host|"    \
    "visit|pay|attend|travel|open|reconvene|address|deliver|lead|co-chair|chair|be\\s+hosted|"    \
    "participate|take\\s+part|have|celebrate|go|fly|return|make|sign|launch|begin|start)"         \
    "|(?:is|are|was|were)\\s+(?:also\\s+)?(?:scheduled|set|expected|due|slated|planned)\\s+to"    \
    "|(?:is|are|was|were)\\s+(?:also\\s+)?(?:scheduled|planned|expected)\\s+(?:for|in|on)"        \
    "|to\\s+be\\s+(?:held|hosted)"                                                                 \
    "|(?:agreed|decided|confirmed|resolved|planned|plan|plans)\\s+(?:to\\s+)?(?:hold|convene|"   \
    "meet|organi[sz]e|launch|restart|resume|relaunch)"                                             \
    "|looked\\s+forward\\s+to|look\\s+forward\\s+to|looks\\s+forward\\s+to"                        \
    "|(?:agreed|confirmed|decided)\\s+that"                                                        \
    "|preparations?\\s+for"                                                                        \
    "|(?:plans|plan|planned)\\s+to"                                                                \
    ")\\b"

/* Not scheduled / not happened: hypothetical, refused, undated. */
#define ATT_RE_NOT_HAPPENED                                                                        \
    "\\b(?:no\\s+(?:date|time|timeline|schedule)|not\\s+rule\\s+out|did\\s+not|has\\s+not|"       \
    "have\\s+not|had\\s+not|could\\s+speak|could\\s+meet|in\\s+the\\s+near\\s+future|"             \
    "at\\s+an\\s+early\\s+date|in\\s+the\\s+coming\\s+(?:weeks|months|days)|in\\s+due\\s+course|"  \
    "as\\s+soon\\s+as\\s+possible|at\\s+an\\s+appropriate\\s+time|once\\s+the|anniversary|"        \
    "invited|invitation|scrapped|cancell?ed|postponed|called\\s+off)\\b"

/* Speech and reporting verbs: the name before them is a person. */
#define ATT_RE_SPEECH                                                                              \
    "^\\s*(?:,\\s*)?(?:also\\s+|then\\s+|further\\s+)?(?:said|says|told|noted|stressed|added|"    \
    "stated|underlined|underscored|emphasi[sz]ed|welcomed|thanked|expressed|conveyed|asked|"       \
    "urged|praised|reaffirmed|reiterated|briefed|congratulated|informed|commended|recalled|"       \
    "agreed|hoped|invited|called|pointed|highlighted|affirmed|confirmed|suggested|proposed|"       \
    "replied|responded|explained|announced|wrote|spoke|arrived|visited|met|held|received|"         \
    "hosted|attended|discussed|is|was|has|had|will|would)\\b"

/* A dateline at the head of the first paragraph. Group 1 is the place. */
#define ATT_RE_DATELINE                                                                            \
    "^(\\p{Lu}[\\p{L}'’.\\-]*(?:[ /]\\p{Lu}[\\p{L}'’.\\-]*){0,3})"                                 \
    "((?:[\\s,]+(?:\\p{Lu}[\\p{L}.'’\\-]*|\\d{1,4}(?:st|nd|rd|th)?\\.?|\\([^)\\n]{1,40}\\)))*)"   \
    "\\s*(?:--|—|–|-|/[A-Z]+/\\.|(?<=\\d{4})\\.)\\s+"

#endif
