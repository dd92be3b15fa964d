//! Word lists the rules use: given names, frequent lowercase words, titles,
//! organisation and place heads, calendar words.
//!
//! All lists are lowercase and folded like token norms, kept in sorted
//! `&[&str]` constants (written for Dateline) and turned into hash sets once.

use crate::fxhash::FxHashSet;
use std::sync::OnceLock;

/// Given names common in international news (English, Slavic, German, French,
/// Spanish, Italian, Arabic, Asian transliterations).
const FIRST_NAMES: &str = "aaron abby abdel abdul abdulla abdullah abe abigail abraham abu ada adam adel adolf adrian adriana agnes agnieszka ahmad ahmed ahmet aidan aileen aisha akira akram alain alan alastair albert alberto alec alejandro aleksandar aleksandr aleksei alessandra alessandro alex alexander alexandra alexandre alexandria alexei alexey alfonso alfred alfredo ali alice alicia alisher alison allan allen alma alois alyssa amal amanda amber amelia amina amir amit amy ana anand anatoly anders andre andrea andreas andrei andres andrew andrey andriy andrzej andy angel angela angelica angelina angelo anil anita anja ann anna anne annette annie anthony anton antonin antonio antony aoife aparna april archie ariel arjun arkady armando arnold arseny artem arthur artur arturo ashley ashok audrey august augusto austin ava avery ayman aziz barbara barry bart bashir beata beatrice becky ben benedict benedikt benjamin bernard bernardo bernice bernie beth betty beverly bill billy bjorn blake bob bobby bogdan bonnie boris boyko brad bradley brandon branko brenda brendan brett brian brianna bridget britney brittany bruce bruno bryan byron caleb calvin cameron camilla candace cara carl carla carlo carlos carmen carol caroline carolyn carrie casey catherine cathy cecilia cesar cesare chad charles charlie charlotte chelsea chen cheryl chiara chris christian christina christine christoph christopher chuck chuka ciaran cindy claire clara clarence claude claudia clay clayton cliff clifford clint clive cody colin colleen connie connor conor constance constantin cory courtney craig cristiano cristina crystal curtis cynthia dale dalia dan dana daniel daniela daniele danielle danny daria darin darius dariusz darnell darren dave david davide dawn dean deborah debra declan dejan denis denise dennis derek derrick diana diane diego dieter dimitri dimitris dmitri dmitrii dmitriy dmitry dmytro dolores dominic don donald dong donna doris dorothy doug douglas dragan duane duarte duncan dustin dwayne dwight dylan earl ed eddie edgar edith edmund edna eduard eduardo edward edwin eileen elaine eleanor elena eli elias elif elijah elisa elizabeth ella ellen ellie elliot elon emeka emil emile emilia emily emine emma emmanuel enrico enrique eoin eric erica erik erin ernest ernesto esteban esther ethan ethel eugene evan evelyn evgeny ezra fabian fabio fabrizio fahad faisal farah farid fatih fatima federico felipe felix fernanda fernando filip filippo fiona florence floyd francesca francesco francis francisco francois frank frankie franz franziska fred freddie frederick fredrik gabriel gabriela gabrielle gail gareth gary gaurav gavin gene gennady geoffrey george georgia gerald gerard gerhard gianluca gideon giles gina ginny gintaras giorgio giovanni giulia giuseppe gladys glen glenn gloria goran gordon grace graham grant greg gregg gregory greta grzegorz guido gunnar gustavo guy gwen gwendolyn hailey hakan hal hamid hamza hana hank hanna hannah hans harold harriet harry haruki harvey hasan hassan heather hector heidi heinrich heinz helen helena helga helmut henri henrik henry herbert herman hideo hilary hillary hiro hiroshi holly horace howard hugh hugo hussein ian ibrahim ignacio igor ilhan ilona ilya imran imre indira ingrid ioana ion irene irfan irina iris irma isaac isabel isabela isabella ismail istvan ivan ivana ivo jacek jack jackie jackson jacob jacqueline jake jakub jamal james jamie jan jane janet janice janusz jared jaroslav jasmine jason jasper javad javier jay jean jeanne jeff jeffrey jen jenna jennifer jenny jens jeremy jerome jerry jesse jessica jesus jiang jill jim jimmy jin jo joan joanna joanne joao joaquim joaquin jodi jodie joe joel johan johann johanna john johnny jon jonas jonathan jordan jorg jorge jose josef joseph josh joshua jovan joy juan judith judy juha jules julia julian julie julien julio julius june jurgen justin kai kamal kamil karen karim karin karl karol kasia katarzyna kate katherine kathleen kathryn kathy katie katrina kay kayla kazuo keisha keith kelli kelly kemal ken kenji kenneth kerri kevin khaled khalid kim kimberly kirill kirk kirsten klaus kofi kristen kristi kristin kristina kristy krzysztof kurt kwame kyle lana lance larry lars laszlo latoya laura lauren laurence laurent lawrence leah lech lee leif leila lena leo leon leonard leonardo leonid leroy leslie lewis liam liang lillian lily lin linda lindsay lindsey ling lionel lisa liz lloyd logan lois lorenza lorenzo loretta lori lorraine louis louise luca lucas lucia lucille lucy ludwig luigi luis lukas lukasz luke lydia lynn maciej madeleine madison magdalena mahmoud malcolm malik manfred manuel manuela marc marcel marcello marcia marcin marco marcus marek margaret margarita maria marian mariana marianne marie marilyn mario marion marisa mariusz marjorie mark marko marsha marta martha martin marty marvin mary massimo mathew matt matteo matthew matthias maureen mauricio maurizio max maxim maxime maxwell megan mehmet mei melanie melissa michael michaela michal michel michele michelle miguel mikael mike mikhail mila milan mildred miles milos milton mirko mohamad mohamed mohammad mohammed molly monica morgan moussa muhammad mustafa nadia nancy naomi nasser natalia natalie natalya natasha nathan nathaniel neil nelson niall niamh nicholas nick nicola nicolas nicole nigel nikita nikola nikolai nikolaos nikolay nils nina ning noah noel nora norma norman olaf oleg oleksandr oleksiy olena olga oliver olivia olusegun omar orhan oscar oskar otis otto owen pablo paige pamela paolo patricia patricio patrick patty paul paula pauline pavel pawel pedro peggy pekka penelope penny pete peter petr petra petro phil philip philippe phillip phyllis pierre piers pietro piotr priscilla priya rachel radek rafael rafal rahul raj rajesh rajiv ralph ramon randall randy raphael rashid raul ravi ray raymond rebecca regina reinhard renata renee rex rhys ricardo riccardo richard rick ricky rita rob robert roberta roberto robin rodney rodolfo rodrigo roger roland rolf roman ron ronald ronnie rosa rose rosemary ross roy ruben ruby rudolf rudy rui rupert russell ruth ryan ryszard saad sabrina sadiq salah sally salman salvador salvatore sam samantha sami samir samuel sandra sandro sandy sanjay santiago sara sarah saul scott seamus sean sebastian sebastien selim semyon serena sergei sergey sergio sergiy seth shane shanna shannon sharon shaun shawn sheila shelby shelley sherry shinzo shirley shlomo shu sidney silas simon simona simone sinead siobhan slobodan snezana sofia sonia sophia sophie soren stacey stacy stan stanislav stanislaw stanley stefan stefano stelios stella stephan stephanie stephen steve steven stuart sue sunil susan suzanne svetlana sylvia tadeusz takashi tamara tamas tami tammi tammy tanja tanya tara tariq ted teodor teresa terrence terry theo theodore theresa thiago thierry thomas tiffany tim timothy tina tobias todd tom tomas tomasz tommy toni tony tonya tracey traci tracy travis trevor troy tyler ulrich ulrike umar ursula uwe vaclav valentin valentina valeria valerie valery vanessa vasily vasyl velma vera veronica vicki victor victoria vikram viktor viktoria vincent vincenzo violet virgil virginia vitali vitaly vivian vladimir vladislav volodymyr walter wanda warren wayne wei wendell wendy werner wesley whitney will william willie wilma wilson wojciech wolfgang xavier xi yan yang yasmin yevgeny yitzhak yolanda yoshi youssef yuki yulia yuri yusuf yvonne zachary zbigniew zhang zoe zoltan zoran";

/// Frequent English words that are not names on their own (checked in
/// lowercase): function words, common verbs, nouns and adjectives that start
/// sentences and headlines.
const COMMON: &str = "a about also i i'm i've i'll i'd although besides finally furthermore hence however indeed instead meanwhile moreover nevertheless nonetheless otherwise perhaps still then therefore thus unfortunately yet above according across act action actually add added after afternoon again against age ago agree agreed ahead aid aim air all allegations alleged allow almost alone along already also although always am among an and announced another answer any anyone anything are area around as ask asked at attack attacks authorities available away back bad based be became because become been before began behind being believe best better between big bill black both bring but buy by call called came can cannot care case cause certain change chief children city claim claims clear close come comes coming common community company concern continue could country court cover crime current cut daily data day days deal death decision deep despite did different do does doing done down during each early earlier east economic either election elections else end enough even evening event ever every evidence example face fact fall far federal few field find fire first five follow following for force foreign form former four free friday from full further general get give given go going good government great green group grow had half hand happen hard has have having he head hear held help her here high him his history hold home hope hot house how however human i if important in including increase information inside instead interest international into is issue it its job join just keep key kill kind know known land large last late later law lead leader least leave left less let level life light like likely line list little live local long look lost lot low made main major make man many march market may maybe me mean meanwhile media meeting member members might military million minister moment money month months more morning most move much must my name national near need never new news next night nine no none nor north not nothing now number of off office officer officers official officials often oil old on once one only open or order other others our out over own page part party past pay peace people per perhaps period person place plan play point police policy political poll power present president press pressure private problem program public put question quite race rather read real really reason recent record red report reported reports research rest result return right rise road role room rule run said same saturday say saying says school second secretary security see seen senior service set seven several shall she should show side since six small so social some someone something soon south speak special spokesman start state statement states still stop story strong such summer sunday support sure system take taken talk team tell ten than thank that the their them then there these they thing things think third this those though thought three through thursday time times to today together told too top toward towards trade tuesday turn two under until up upon us use used very via victory vote war was watch water way we wednesday week weeks well were west what when where whether which while white who whole whom whose why will win winter with within without woman women word words work world would write year years yes yesterday yet you young your";

/// Titles and roles that precede a person's name and are not part of it.
const TITLES: &str = "acting adm adm. admiral adviser advisor aide ambassador analyst anchor assistant attorney author ayatollah baron bishop brig brig. brother businessman candidate capt capt. captain cardinal ceo cfo chair chairman chairperson chairwoman chancellor chef chief coach col col. colonel commander commissioner comptroller congressman congresswoman consul correspondent councillor councilman councilwoman counsel count countess cpl cpl. dame deputy detective director doctor dr dr. duchess duke economist editor emir emperor empress envoy executive expert father financier first former founder gen gen. general gov gov. governor head imam inspector journalist judge justice king lady lawmaker lawyer leader lieutenant lord lt lt. madam madame maj maj. major marshal mayor minister miss mme mr mr. mrs mrs. ms ms. mufti nominee officer pastor patriarch player pm pope premier pres. president press prime prince princess principal private prof prof. professor prosecutor queen rabbi rep rep. representative rev rev. reverend secretary sen sen. senator sergeant sgt sgt. sheikh sheriff sir sister speaker special spokesman spokesperson spokeswoman sr st st. superintendent supreme treasurer tsar undersecretary vice vice-president viceroy whip writer";

/// Final words that make a capitalized phrase an organisation.
const ORG_SUFFIXES: &str = "academy administration ag agency airline airlines airways alliance army assembly association authority bancorp band bank battalion board brewery brigade bulletin bureau cabinet caucus center centre choir chronicle church club co coalition college command commission committee communications company conference congress consortium consulate corp corporation corps council courant courier court department design directorate dispatch division electronics embassy energy enquirer ensemble enterprises entertainment examiner federation fleet force forces foundation front fund gazette gmbh group guard herald holdings hospital inc industries inquirer institute institution international journal laboratories labs league limited llc llp ltd media ministry mission motors marines movement navy network news office orchestra organisation organization parliament partners partnership party pharmaceuticals pictures plc police post press productions publications publishing railroad railway railways recordings records regiment school scouts secretariat senate sentinel service services society software squadron staff statesman studios syndicate systems team technologies telegraph times transport tribune trust tv union university";

/// First words that head an organisation name ("Ministry of …").
const ORG_HEADS: &str = "academy administration agency army assembly association bank battalion board brigade bureau center centre chamber church college command commission committee confederation congress corps council court department directorate division embassy federation fleet foundation fund hall house institute league ministry museum navy office organisation organization parliament party regiment school secretariat service society squadron union university";

/// Final words that make a capitalized phrase a place.
const LOC_SUFFIXES: &str = "archipelago arrondissement atoll basin bay beach borough brook caliphate canton canyon cape city coast coulee county cove crater creek delta desert district duchy emirate empire estuary falls fjord forest formation glacier glen gorge governorate gulf harbor harbour heights hill hills inlet island islands isles khanate kingdom lagoon lake lakes marsh mountain mountains municipality oblast ocean parish park peninsula plain plains plateau point pond prefecture principality province range rapids reef region republic reservoir river sea springs state strait sultanate swamp taluk tehsil territory township valley village voivodeship volcano wetlands";

/// Final words that make a capitalized phrase a facility.
const FAC_SUFFIXES: &str = "airport arena avenue base boulevard bridge building canal castle cathedral cemetery dam dock docks gym gymnasium hall highway hotel library lighthouse mall memorial mill mills mine monument mosque palace pavilion pier playfield plaza prison rink road route square stadium station street synagogue temple terminal theater theatre tower tunnel way";

/// Final words that make a capitalized phrase an event ("Second Battle of
/// Bull Run", "Stanley Cup", "Summer Olympics").
const EVENT_SUFFIXES: &str = "battle championship championships cup festival games olympics open rebellion revolution siege summit tournament uprising war";

/// Final words that make a capitalized phrase a named thing other than an
/// organisation, place or event: awards, laws and treaties.
const MISC_SUFFIXES: &str = "accord accords act agreement amendment award awards doctrine medal prize protocol trophy treaty";

/// Words after which a capitalized word is likely a place.
pub(crate) const LOC_PREPS: &[&str] = &[
    "in",
    "from",
    "near",
    "across",
    "outside",
    "inside",
    "throughout",
    "to",
    "at",
    "via",
];

/// Month names and abbreviations, with their number.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names, ISO numbered (Monday = 1).
pub(crate) const WEEKDAYS: &[(&str, u8)] = &[
    ("monday", 1),
    ("tuesday", 2),
    ("wednesday", 3),
    ("thursday", 4),
    ("friday", 5),
    ("saturday", 6),
    ("sunday", 7),
    ("mon", 1),
    ("tue", 2),
    ("tues", 2),
    ("wed", 3),
    ("thu", 4),
    ("thurs", 4),
    ("fri", 5),
    ("sat", 6),
    ("sun", 7),
];

/// Words (besides month and weekday names) that can make a date or time.
const TEMPORAL_WORDS: &str = "today yesterday tomorrow tonight last next this past coming earlier later previous following christmas thanksgiving easter halloween ramadan hanukkah passover diwali kwanzaa election independence memorial labor labour veterans victory armistice remembrance boxing anzac australia canada bastille columbus presidents inauguration good ash yom rosh mother's father's valentine's new";

/// Uppercase words that are not organisation acronyms.
const NOT_ACRONYMS: &str = "2fa 2wd 3ds 4wd a.d ac ad ai aids aka am asap atm b.a b.c.e bc bce bmx btw c.e cad cam cd cds cdt ce ceo cest cet cfo coo cst cto dc diy dj djs dna dvd edt ep eps est eu faq fm fyi gdp gmt gps gst hd hiv hq id ii iii imho imo ipo iq irr iv ix ko kos l.p lcd led lgbt lgbtq lmao lol lp lps m.a mdt mep meps mla mlas mp mph mpp mpps mps msp ok omg ost p.s pc pdf pdt ph.d phd pm pos pr ps pst rfp rip rna rpg rsvp seo sms sos suv swat tba tbd tko tv ufo url usb utc vat vhs vi vii viii vip vs wow wwi wwii xi xii xl xs xxl";

pub(crate) struct Lexicon {
    pub(crate) first_names: FxHashSet<&'static str>,
    pub(crate) common: FxHashSet<&'static str>,
    pub(crate) titles: FxHashSet<&'static str>,
    pub(crate) org_suffixes: FxHashSet<&'static str>,
    pub(crate) org_heads: FxHashSet<&'static str>,
    pub(crate) loc_suffixes: FxHashSet<&'static str>,
    pub(crate) fac_suffixes: FxHashSet<&'static str>,
    pub(crate) event_suffixes: FxHashSet<&'static str>,
    pub(crate) misc_suffixes: FxHashSet<&'static str>,
    pub(crate) not_acronyms: FxHashSet<&'static str>,
    /// Words that can start or make a date or time expression.
    pub(crate) temporal_words: FxHashSet<&'static str>,
}

impl Lexicon {
    /// Whether `norm` is a final word that makes a phrase an organisation,
    /// with or without an abbreviation's dot ("Corp.", "Co.", "Inc.").
    pub(crate) fn is_org_suffix(&self, norm: &str) -> bool {
        self.org_suffixes.contains(norm.trim_end_matches('.'))
    }

    pub(crate) fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            let set = |s: &'static str| s.split_whitespace().collect::<FxHashSet<_>>();
            Lexicon {
                first_names: set(FIRST_NAMES),
                common: set(COMMON),
                titles: set(TITLES),
                org_suffixes: set(ORG_SUFFIXES),
                org_heads: set(ORG_HEADS),
                loc_suffixes: set(LOC_SUFFIXES),
                fac_suffixes: set(FAC_SUFFIXES),
                event_suffixes: set(EVENT_SUFFIXES),
                misc_suffixes: set(MISC_SUFFIXES),
                not_acronyms: set(NOT_ACRONYMS),
                temporal_words: set(TEMPORAL_WORDS)
                    .into_iter()
                    .chain(MONTHS.iter().map(|&(m, _)| m))
                    .chain(WEEKDAYS.iter().map(|&(w, _)| w))
                    .chain([
                        "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
                        "oct.", "nov.", "dec.",
                    ])
                    .collect(),
            }
        })
    }
}

pub(crate) fn month(norm: &str) -> Option<u8> {
    MONTHS.iter().find(|(m, _)| *m == norm).map(|&(_, n)| n)
}

pub(crate) fn weekday(norm: &str) -> Option<u8> {
    WEEKDAYS.iter().find(|(m, _)| *m == norm).map(|&(_, n)| n)
}
