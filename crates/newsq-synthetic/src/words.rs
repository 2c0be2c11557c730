//! The vocabulary: common words of news English, written for this crate and
//! ordered roughly from most to least frequent within each list (the samplers
//! draw them Zipf-like by position).

/// Nouns, singular. No person's role ("minister", "spokesman"): those
/// belong to the quoted people, and "the minister said" must mean one of them.
pub(crate) const NOUNS: &str = "
government people plan city country police report party
court law state water money company school month service change
price group election vote council support project system decision policy
budget child family home area market region official deal talk issue
region case power health economy job force value leader member public
border problem reform number cost rate energy tax road food crisis agreement
proposal statement program community office team process matter question
committee investigation level sector bank trade community business village
town future fund bill risk security industry worker resident director
region centre station hospital port bridge harbour airport river coast
river network contract union strike protest campaign result figure rise
decline increase loss debt inflation growth shortage demand supply pressure
election parliament majority coalition opposition candidate voter poll
ballot ministry agency authority regulator inquiry hearing trial
judge verdict appeal sentence prison charge arrest suspect victim witness
incident accident fire flood storm drought heatwave weather season winter
summer spring autumn morning evening night weekend holiday festival event
match game player coach club league season title goal score record
museum library theatre film book author artist music concert exhibition
student teacher university college class course exam research study scientist
doctor nurse patient hospital clinic treatment vaccine virus disease outbreak
farm farmer crop harvest land forest field livestock fishing fisherman boat
ship vessel cargo container railway train line route bus ticket fare
passenger traffic car vehicle driver fuel petrol electricity grid plant
turbine pipeline gas oil coal mine miner factory site construction building
housing rent mortgage tenant landlord property developer estate street square
park garden neighbourhood district suburb province territory island valley
mountain lake bay shore beach dam canal tunnel motorway highway junction
bridge pier quay warehouse shop store retailer customer consumer shopper
product brand profit revenue share investor stake merger takeover bid offer
price wage salary pension benefit subsidy grant loan credit deficit surplus
forecast estimate target goal deadline timetable schedule delay closure
shutdown opening launch expansion upgrade repair maintenance inspection
safety standard rule regulation guideline limit ban fine penalty licence
permit approval consent objection complaint petition referendum survey
interview speech address conference summit meeting session debate motion
amendment draft document letter email message warning threat attack
strike ceasefire truce conflict war army soldier troop officer commander
base mission operation exercise weapon missile drone aircraft jet helicopter
satellite technology software platform app data network device chip screen
camera phone internet website account user privacy breach hacker
lawyer prosecutor defendant jury witness testimony evidence document
ruling hearing lawsuit settlement claim damages compensation fee tribunal
official analyst
expert critic supporter activist campaigner volunteer donor charity
organisation association federation institute foundation trust board
panel commission chamber assembly cabinet administration department bureau
headquarters embassy consulate delegation envoy ambassador diplomat
negotiator mediator observer monitor auditor inspector regulator watchdog
scheme initiative strategy framework package measure step move effort
attempt approach response reaction criticism concern fear hope doubt
confidence trust anger frustration relief surprise shock delay dispute
row clash tension pressure backlash uproar scandal controversy allegation
resignation dismissal appointment promotion retirement succession
year time week month
";

/// Who does things in the prose: subjects, singular.
pub(crate) const AGENTS: &str = "
government council company ministry agency court board committee union bank
regulator authority commission parliament cabinet administration department
operator firm group coalition party opposition campaign hospital university
school club team airline insurer developer retailer charity watchdog inquiry
";

/// Who does things in the prose: subjects, plural.
pub(crate) const AGENTS_PLURAL: &str = "
officials residents workers investors farmers teachers nurses doctors voters
campaigners critics analysts economists lawmakers families shoppers drivers
passengers students police engineers inspectors landlords tenants fishermen
businesses councils unions hospitals schools airlines developers retailers
";

/// Nouns without a plural: "the water", never "3,400 waters".
pub(crate) const UNCOUNTABLE: &str = "
health water money energy power food inflation growth demand supply pressure
support security safety weather research evidence privacy data traffic fuel
petrol electricity gas oil coal land housing rent revenue credit confidence
trust anger frustration relief fear hope doubt criticism concern backlash
uproar construction maintenance fishing technology software internet music
police people livestock testimony damages headquarters compensation
";

/// Nouns with an irregular plural, as "singular:plural".
pub(crate) const IRREGULAR_PLURALS: &str = "
child:children person:people man:men woman:women crisis:crises analysis:analyses
thesis:theses fisherman:fishermen police:police people:people data:data
sheep:sheep series:series news:news livestock:livestock aircraft:aircraft
damages:damages headquarters:headquarters evidence:evidence money:money
weather:weather electricity:electricity inflation:inflation growth:growth
safety:safety privacy:privacy testimony:testimony revenue:revenues
";

/// Adjectives.
pub(crate) const ADJECTIVES: &str = "
new local national public former last first major economic political
regional international foreign social financial military senior final
key main large small high low long short early late recent current
previous next annual monthly weekly daily federal central northern
southern eastern western coastal rural urban independent private
official joint temporary permanent emergency special general common
serious significant strong weak clear sharp steep modest limited wide
broad narrow full partial total average overall initial further additional
possible likely unlikely potential real actual direct indirect open closed
free fair legal illegal criminal civil medical environmental industrial
commercial digital technical scientific cultural historic ancient modern
traditional popular controversial unprecedented unusual difficult easy
important urgent critical careful cautious ambitious bold swift slow
rapid gradual sudden dramatic heavy light hot cold dry wet green dark
bright quiet busy crowded empty vast tiny remote nearby neighbouring
domestic global european western rising falling growing shrinking
expensive cheap affordable costly profitable struggling successful failed
fragile stable volatile uncertain confident anxious angry frustrated
concerned hopeful determined divided united elected appointed acting
proposed planned expected estimated reported alleged disputed contested
widespread limited fresh renewed ongoing lengthy brief detailed formal
informal broader deeper higher lower larger smaller stronger weaker
";

/// Adverbs of news prose.
pub(crate) const ADVERBS: &str = "
also now still already recently again only just later earlier nearly
almost largely widely sharply slightly quickly slowly mostly partly
finally eventually initially previously currently formally officially
reportedly apparently clearly publicly privately jointly directly
";

/// Verbs for the third-person prose around the quotations: base forms, or
/// "base|past|3rd-singular|participle" when not regular. None is a reporting
/// verb, so the prose never reads as an attribution.
pub(crate) const VERBS: &str = "
approve reject introduce propose expect reach raise cut|cut|cuts|cut
increase reduce extend delay suspend cancel|cancelled|cancels|cancelled launch open close complete
finish start begin|began|begins|begun build|built|builds|built
spend|spent|spends|spent win|won|wins|won lose|lost|loses|lost hold|held|holds|held
face meet|met|meets|met seek|sought|seeks|sought find|found|finds|found
bring|brought|brings|brought take|took|takes|taken give|gave|gives|given
make|made|makes|made keep|kept|keeps|kept leave|left|leaves|left
send|sent|sends|sent sell|sold|sells|sold buy|bought|buys|bought
pay|paid|pays|paid lead|led|leads|led draw|drew|draws|drawn
receive review examine investigate inspect monitor track count record
publish release issue sign back support oppose challenge block
defend protect restore repair replace remove fund finance
invest hire employ train recruit deploy move transfer shift
return visit tour host attend join form create establish set|set|sets|set
fix design develop test trial|trialled|trials|trialled adopt implement enforce tighten ease
relax lift impose arrest detain release convict sentence
fine sue settle ban|banned|bans|banned compensate cover affect damage destroy flood disrupt
hit|hit|hits|hit threaten boost lower double triple halve stop|stopped|stops|stopped
plan|planned|plans|planned ship|shipped|ships|shipped drop|dropped|drops|dropped
control|controlled|controls|controlled commit|committed|commits|committed
transfer|transferred|transfers|transferred transform upgrade expand shrink|shrank|shrinks|shrunk merge acquire
outline unveil present prepare consider discuss debate negotiate
complete mark celebrate honour remember attract draw|drew|draws|drawn
welcome question doubt resist delay postpone push pull
improve cover handle manage run|ran|runs|run operate serve supply
provide deliver produce export import process connect link
";

/// Subordinating and coordinating words that join two clauses.
pub(crate) const CONJUNCTIONS: &str = "
and but while as although after before because since
";

/// Prepositions that open a phrase after a verb's object.
pub(crate) const PREPOSITIONS: &str = "
in in in for for on on at with with from over after during across under
against near into through between around before within without since
";

/// Phrases that date or place a clause.
pub(crate) const TIME_PHRASES: &str = "
on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|on Saturday|on Sunday|
last week|last month|last year|this week|this month|earlier this year|
earlier this month|in recent weeks|in recent months|over the weekend|
next week|next month|next year|by the end of the year|in the coming weeks|
for the first time|since the spring|before the summer|after the election
";

/// Departments a minister can hold (those that read as a title before a
/// name come first: "Health Minister Ana Lirez").
pub(crate) const PORTFOLIOS_TITLED: &[&str] = &[
    "health",
    "finance",
    "interior",
    "foreign",
    "defence",
    "education",
    "energy",
    "trade",
];

/// Departments named only after a name ("…, the transport minister").
pub(crate) const PORTFOLIOS_PLAIN: &[&str] = &[
    "transport",
    "agriculture",
    "housing",
    "environment",
    "labour",
    "culture",
    "fisheries",
    "tourism",
];

/// Heads of invented organisations' names ("the Dravel Port Authority").
pub(crate) const ORG_HEADS: &[&str] = &[
    "Council",
    "Port Authority",
    "Water Board",
    "Holdings",
    "Institute",
    "Chamber of Commerce",
    "Transport Union",
    "Health Trust",
    "Energy Company",
    "Housing Association",
    "Farmers Union",
    "Teachers Federation",
    "Rail Company",
    "Development Agency",
    "Regional Assembly",
    "Bank",
    "University",
    "Police",
    "Fire Service",
    "Chamber of Industry",
];

/// Academic fields for professors and researchers.
pub(crate) const FIELDS: &[&str] = &[
    "economics",
    "public health",
    "political science",
    "climate science",
    "history",
    "law",
    "engineering",
    "sociology",
    "marine biology",
    "urban planning",
];

/// Jobs of ordinary people quoted in the news.
pub(crate) const TRADES: &[&str] = &[
    "teacher",
    "farmer",
    "nurse",
    "shop owner",
    "fisherman",
    "bus driver",
    "student",
    "pensioner",
    "builder",
    "midwife",
    "baker",
    "taxi driver",
];

/// Words that open a first-person sentence inside a quotation.
pub(crate) const QUOTE_OPENERS: &[&str] = &[
    "We will",
    "We cannot",
    "We have to",
    "We are going to",
    "I will not",
    "I want to",
    "Nobody should have to",
    "It is time to",
    "We need to",
    "Our job is to",
    "We must",
    "I promise we will",
    "We would never",
    "They want to",
    "No one is going to",
];

/// Verbs of belief that open "I think the … is …".
pub(crate) const BELIEFS: &[&str] = &[
    "think", "believe", "know", "hope", "fear", "suspect", "accept", "feel",
];

/// Evaluative adjectives for quoted sentences ("This is simply unacceptable").
pub(crate) const JUDGEMENTS: &[&str] = &[
    "unacceptable",
    "wrong",
    "right",
    "fair",
    "dangerous",
    "reckless",
    "necessary",
    "overdue",
    "unfair",
    "remarkable",
    "disappointing",
    "encouraging",
    "shameful",
    "extraordinary",
    "serious",
    "urgent",
    "impossible",
    "welcome",
    "premature",
    "absurd",
];

/// Intensifiers before a judgement ("simply", "deeply").
pub(crate) const INTENSIFIERS: &[&str] = &[
    "simply",
    "deeply",
    "completely",
    "really",
    "absolutely",
    "frankly",
    "clearly",
    "very",
    "entirely",
];

/// Sentence-final flourishes in speech.
pub(crate) const CODAS: &[&str] = &[
    "and that is the end of it",
    "whatever it takes",
    "and everybody knows it",
    "and we will keep saying so",
    "no matter what anyone says",
    "and people deserve better",
    "for as long as it takes",
    "and I make no apology for that",
];

/// Phrases that wrap a scare quote in the prose ("what critics called …").
pub(crate) const SCARE_FRAMES: &[&str] = &[
    "the so-called",
    "what some residents call a",
    "a plan widely described as a",
    "the much-discussed",
    "the agency’s",
    "what campaigners call the",
];

/// Headline verbs ("Lirez vows to …", "council backs …").
pub(crate) const HEADLINE_VERBS: &[&str] = &[
    "backs",
    "rejects",
    "plans",
    "warns over",
    "defends",
    "unveils",
    "faces",
    "delays",
    "scraps",
    "pledges",
    "questions",
    "hits back over",
    "calls for",
    "demands",
];
