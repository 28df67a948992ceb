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
    "(?:was|were|being)\\s+(?:then\\s+|later\\s+|also\\s+|warmly\\s+|first\\s+)?"             \
    "(?:received|welcomed|hosted|met|greeted)(?:\\s+[\\w'’-]+){0,4}?\\s+by"                          \
    "|(?:met|meets)(?:\\s+(?:separately|briefly|again|virtually|online))?"                        \
    "(?:\\s+(?:with|up\\s+with))?"                                                                 \
    "|meeting\\s+with"                                                                             \
    "|(?:took|take|takes)\\s+part\\s+in\\s+(?:a|an|the)\\s+(?:[\\w'’-]+\\s+){0,2}?"              \
    "(?:videoconference|video\\s+conference|meeting|call|conversation|talks|summit|session)"        \
    "|participated\\s+in\\s+(?:a|an|the)\\s+(?:[\\w'’-]+\\s+){0,2}?"                              \
    "(?:videoconference|video\\s+conference|meeting|call|conversation|talks|summit|session)"        \
    "|(?:in|by|via|at)\\s+(?:a\\s+)?(?:videoconference|video\\s+conference|virtual\\s+meeting|"     \
    "virtual\\s+summit)"                                                                           \
    "|(?:held|holds|had|has|having|conducted|conducts|co-chaired|co-chairs|chaired|"             \
    "attended)\\s+(?:a\\s+|an\\s+|the\\s+|their\\s+|his\\s+|her\\s+)?"                             \
    "(?:[\\w'’-]+\\s+){0,4}?"                                                                      \
    "(?:talks|meeting|meetings|conversation|call|consultations|discussions?|dialogue|"            \
    "videoconference|video\\s+conference|summit|session|phone\\s+talks|exchange|"                  \
    "(?:phone|telephone|video)\\s+talk)"                                                           \
    "(?:\\s+(?:[\\w'’-]+\\s+){0,8}?(?:with|between))?"                                            \
    "|(?:talked|spoke|speaks|speaking)\\s+(?:by|over\\s+the|on\\s+the)\\s+(?:tele)?phone"          \
    "|(?:talked|spoke|speaks|speaking|conversed)"                                                  \
    "(?:\\s+(?:by\\s+(?:tele)?phone|over\\s+the\\s+(?:tele)?phone|on\\s+the\\s+(?:tele)?phone|"  \
    "via\\s+video(?:\\s+link)?|virtually|today|on\\s+\\w+))?"                                     \
    "\\s+(?:with|to)"                                                                              \
    "|(?:received|receives|receiving)\\s+(?:a\\s+)?(?:phone|telephone|courtesy|video)\\s+"       \
    "(?:call|calls)(?:\\s+from)?"                                                                  \
    "|co-chaired"                                                                                  \
    "|(?:during|at|in|after|before)\\s+their\\s+(?:[\\w'’-]+\\s+){0,2}?"                            \
    "(?:meeting|talks|conversation|summit|call)"                                                  \
    "|joined\\s+(?:a|an)\\s+(?:[\\w'’-]+\\s+){0,2}?(?:summit|mini-summit|meeting|talks|session|"   \
    "dinner|lunch|conversation|call)"                                                             \
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
/* Its words (prefilter.h), one or more from each alternative above: the
 * verbs, the meeting nouns, "part" of "took part in", "chaired" of
 * "co-chaired". */
#define ATT_PF_MEET_TRIGGER                                                                        \
    "received|welcomed|hosted|met|greeted|meets|meeting|meetings|part|participated|"              \
    "videoconference|video|virtual|talks|conversation|call|consultations|discussion|"             \
    "discussions|dialogue|summit|session|phone|telephone|exchange|talked|spoke|speaks|speaking|"   \
    "conversed|receives|receiving|chaired|joined|hosts|welcomes|called|calls|phoned|telephoned|"  \
    "rang|exchanged|shook|sat|brought"
/* White-space runs before the first listed word of a match, at most
 * (att_pf_from): "held | a | four | more | words | here | talks" (6); "paid a
 * courtesy call", "in a X Y phone call", "a X Y Z meeting between" fewer. */
#define ATT_PF_MEET_TRIGGER_GAPS 6

/* People added to the meeting just reported ("Also present at the talks
 * were ...", "The meeting was also attended by ...", "joined the
 * discussion"). Not "accompanied by": companions of a visit are not
 * participants. */
#define ATT_RE_MEET_JOIN                                                                           \
    "\\b(?:also\\s+present|(?:was|were)\\s+(?:also\\s+)?present\\s+(?:at|during|in)|"            \
    "also\\s+taking\\s+part|also\\s+took\\s+part|also\\s+participated|"                           \
    "(?:was|were)\\s+(?:also\\s+)?attended\\s+by|also\\s+attended\\s+(?:the|by)|"                 \
    "joined\\s+the\\s+(?:talks|meeting|discussions?|conversation|call|session)|"                   \
    "(?:attended|attend|attending)\\s+the\\s+(?:meeting|talks|session|reception|lunch|dinner)\\b|" \
    "(?:meeting|talks|session|summit|conversation)\\s+(?:also\\s+)?brought\\s+together|"           \
    "present\\s+at\\s+the\\s+(?:talks|meeting|reception))"
#define ATT_PF_MEET_JOIN                                                                           \
    "present*|taking|took|participated*|attended|attend|attending|joined|brought"
/* "were also present", "was also attended", "talks also brought" (2) */
#define ATT_PF_MEET_JOIN_GAPS 2

/* The contact is a phone call. */
#define ATT_RE_PHONE "\\b(?:phone|telephone|phoned|telephoned|by\\s+phone|a\\s+call\\b|the\\s+call\\b)"
#define ATT_PF_PHONE "phone*|telephone*|call"
/* "by phone", "a call" (1) */
#define ATT_PF_PHONE_GAPS 1
/* The contact is a video call. */
#define ATT_RE_VIDEO                                                                               \
    "\\b(?:video|videoconference|virtual|virtually|online|video\\s+link|in\\s+virtual\\s+format)"
#define ATT_PF_VIDEO "video*|virtual*|online*"
/* "in virtual format" (1) */
#define ATT_PF_VIDEO_GAPS 1

/* A sentence about what is to come: a planned contact is not a meeting. */
#define ATT_RE_FUTURE                                                                              \
    "\\b(?:will|shall|would|is\\s+to|are\\s+to|to\\s+be\\s+held|is\\s+scheduled|are\\s+scheduled" \
    "|agreed\\s+to|agree\\s+to|decided\\s+to|to\\s+hold|to\\s+meet|to\\s+convene"                   \
    "|is\\s+expected|are\\s+expected|is\\s+set\\s+to|are\\s+set\\s+to|plans?\\s+to|planned\\s+to" \
    "|intends?\\s+to|hopes?\\s+to|could|may|might|is\\s+due|are\\s+due|looked\\s+forward|"         \
    "look\\s+forward|looks\\s+forward|invited|invitation|preparations?\\s+for|preparing|"          \
    "prepare\\s+for|is\\s+considering|upcoming|next\\s+(?:meeting|round|session)|"                 \
    "is\\s+going\\s+to|are\\s+going\\s+to)\\b"
/* "is to" and "are to" as pairs: "is" alone would let most sentences through. */
#define ATT_PF_FUTURE                                                                              \
    "will|shall|would|is to|are to|held|scheduled|agreed|agree|decided|hold|meet|convene|"         \
    "expected|set|plan|plans|planned|intend|intends|hope|hopes|could|may|might|due|forward|"       \
    "invited|invitation|preparation|preparations|preparing|prepare|considering|upcoming|next|"     \
    "going"
/* "to be held" (2); "is scheduled", "looked forward", "next meeting" (1) */
#define ATT_PF_FUTURE_GAPS 2

/* Scheduled events (scheduled.c). Three kinds of trigger, told apart by the
 * group that matched:
 *   group 1: the event is the subject ("X will be held", "X will take place",
 *            "X, to be hosted by", "X, which is expected this spring", "opens");
 *   group 2: the event is the object of the verb that ends the match ("will
 *            attend X", "is scheduled to hold X", "agreed to hold X", "accepted
 *            the invitation to visit X");
 *   group 3: the event is the noun phrase after the match ("looked forward to
 *            X", "preparations for X", "participation in X", "ahead of X"). */
#define ATT_SCHED_PASSIVE                                                                          \
    "(?:be\\s+(?:held|hosted|convened|organi[sz]ed|delivered|signed|launched|opened|"             \
    "inaugurated|staged)|take\\s+place)"
#define ATT_SCHED_VERBS                                                                            \
    "(?:hold|host|attend|visit|pay|make|convene|reconvene|co-chair|chair|address|deliver|give|"  \
    "lead|travel|go|fly|return|participate\\s+in|take\\s+part\\s+in|have|meet|inaugurate|open|"   \
    "launch|sign|organi[sz]e|conduct|celebrate|resume|head|gather)"
#define ATT_SCHED_PLAN "(?:scheduled|set|expected|due|slated|planned|going)"
#define ATT_RE_SCHED_TRIGGER                                                                       \
    "\\b(?:("                                                                                      \
    "(?:will|would|shall|is\\s+to|are\\s+to)\\s+(?:also\\s+|then\\s+|now\\s+|again\\s+|"          \
    "\\w+ly\\s+)?" ATT_SCHED_PASSIVE                                                               \
    "|(?:is|are|was|were)\\s+(?:also\\s+|now\\s+)?" ATT_SCHED_PLAN "\\s+to\\s+" ATT_SCHED_PASSIVE \
    "|(?:is|are)\\s+(?:also\\s+|now\\s+)?(?:scheduled|expected|planned|slated|due)"                \
    "(?=\\s+(?:for|in|on|this|next|later|early|from|at|by)\\b)"                                    \
    "|to\\s+be\\s+(?:held|hosted|convened|organi[sz]ed|staged)"                                    \
    "|opens|begins|starts|convenes|kicks\\s+off"                                                   \
    ")|("                                                                                          \
    "(?:(?:will|would|shall)\\s+(?:also\\s+|then\\s+|now\\s+|jointly\\s+|first\\s+|\\w+ly\\s+)?"  \
    "|(?:is|are|was|were)\\s+(?:also\\s+|now\\s+)?" ATT_SCHED_PLAN "\\s+to\\s+(?:also\\s+)?"      \
    "|(?:agreed|decided|resolved|planned|plans?|intends?|intended)\\s+to\\s+(?:also\\s+|"         \
    "jointly\\s+)?"                                                                                \
    "|accepted\\s+(?:[\\w'’.-]+\\s+){0,5}?invitation\\s+to\\s+)" ATT_SCHED_VERBS                  \
    ")|("                                                                                          \
    "look(?:ed|s|ing)?\\s+forward\\s+to|preparations?\\s+for|arrangements\\s+for|"               \
    "(?:preparing|prepare)\\s+for|(?:participation|attendance)\\s+(?:in|at)|ahead\\s+of|"        \
    "(?:heading|headed)\\s+(?:for|towards?)"                                                       \
    "))\\b"
/* Group 1: the participle or "place" of ATT_SCHED_PASSIVE, the plan words,
 * the present verbs; group 2: what comes before ATT_SCHED_VERBS (the verbs
 * themselves are common: "go", "have", "make"); group 3: its nouns. */
#define ATT_PF_SCHED_TRIGGER                                                                       \
    "held|hosted|convened|organised|organized|delivered|signed|launched|opened|inaugurated|"       \
    "staged|place|scheduled|expected|planned|slated|due|opens|begins|starts|convenes|kicks|"      \
    "will|would|shall|set|going|agreed|decided|resolved|plan|plans|intend|intends|intended|"      \
    "accepted|forward|preparation|preparations|arrangements|preparing|prepare|participation|"     \
    "attendance|ahead|heading|headed"
/* "is to also be held" (4): "is to" is no listed word of this pattern;
 * "are now scheduled", "to be held" (2), "looked forward" (1) */
#define ATT_PF_SCHED_TRIGGER_GAPS 4

/* What keeps a planned event out of scheduled, looked for in the event's own
 * clause: hypothetical or refused, called off, undated. (Invitations and
 * anniversaries are told by scheduled.c from the event's words.) */
#define ATT_RE_SCHED_EXCLUDE                                                                       \
    "\\b(?:no\\s+(?:date|time|timeline|schedule)|not\\s+rule\\s+out|did\\s+not|has\\s+not|"       \
    "have\\s+not|had\\s+not|could|might|may\\s+(?:be|take|hold|visit|meet|attend)|if|unless|"     \
    "in\\s+principle|scrapped|cancell?ed|postponed|called\\s+off|not\\s+(?:be|take)|won't|"       \
    "will\\s+not)\\b"
/* "may" only before its verbs: May the month is common. */
#define ATT_PF_SCHED_EXCLUDE                                                                       \
    "no date|no time|no timeline|no schedule|rule|not|could|might|may be|may take|may hold|"      \
    "may visit|may meet|may attend|if|unless|principle|scrapped|canceled|cancelled|postponed|"    \
    "called off|won"
/* "not rule out", "in principle", "will not" (1) */
#define ATT_PF_SCHED_EXCLUDE_GAPS 1

/* Not scheduled / not happened: hypothetical, refused, undated. */
#define ATT_RE_NOT_HAPPENED                                                                        \
    "\\b(?:no\\s+(?:date|time|timeline|schedule)|not\\s+rule\\s+out|did\\s+not|has\\s+not|"       \
    "have\\s+not|had\\s+not|could\\s+speak|could\\s+meet|in\\s+the\\s+near\\s+future|"             \
    "at\\s+an\\s+early\\s+date|in\\s+the\\s+coming\\s+(?:weeks|months|days)|in\\s+due\\s+course|"  \
    "as\\s+soon\\s+as\\s+possible|at\\s+an\\s+appropriate\\s+time|once\\s+the|anniversary|"        \
    "invited|invitation|scrapped|cancell?ed|postponed|called\\s+off)\\b"
#define ATT_PF_NOT_HAPPENED                                                                        \
    "no date|no time|no timeline|no schedule|rule|not|could speak|could meet|future|early|"       \
    "coming|course|possible|appropriate|once|anniversary|invited|invitation|scrapped|canceled|"   \
    "cancelled|postponed|called off"
/* "in the near future", "as soon as possible" (3) */
#define ATT_PF_NOT_HAPPENED_GAPS 3

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
