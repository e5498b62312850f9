//! Words the structure parser looks for, one table per language, so that a
//! new language adds rows, not code. Each table is lower case.

/// Month names (and the abbreviations and declined forms documents print),
/// January first, per language.
pub const MONTHS: [(&str, [&[&str]; 12]); 5] = [
    (
        "en",
        [
            &["january", "jan"],
            &["february", "feb"],
            &["march", "mar"],
            &["april", "apr"],
            &["may"],
            &["june", "jun"],
            &["july", "jul"],
            &["august", "aug"],
            &["september", "sept", "sep"],
            &["october", "oct"],
            &["november", "nov"],
            &["december", "dec"],
        ],
    ),
    (
        "fr",
        [
            &["janvier"],
            &["février", "fevrier"],
            &["mars"],
            &["avril"],
            &["mai"],
            &["juin"],
            &["juillet"],
            &["août", "aout"],
            &["septembre"],
            &["octobre"],
            &["novembre"],
            &["décembre", "decembre"],
        ],
    ),
    (
        "es",
        [
            &["enero"],
            &["febrero"],
            &["marzo"],
            &["abril"],
            &["mayo"],
            &["junio"],
            &["julio"],
            &["agosto"],
            &["septiembre", "setiembre"],
            &["octubre"],
            &["noviembre"],
            &["diciembre"],
        ],
    ),
    (
        "ru",
        [
            &["января", "январь"],
            &["февраля", "февраль"],
            &["марта", "март"],
            &["апреля", "апрель"],
            &["мая", "май"],
            &["июня", "июнь"],
            &["июля", "июль"],
            &["августа", "август"],
            &["сентября", "сентябрь"],
            &["октября", "октябрь"],
            &["ноября", "ноябрь"],
            &["декабря", "декабрь"],
        ],
    ),
    (
        "ar",
        [
            &["يناير", "كانون الثاني"],
            &["فبراير", "شباط"],
            &["مارس", "آذار"],
            &["أبريل", "نيسان"],
            &["مايو", "أيار"],
            &["يونيه", "يونيو", "حزيران"],
            &["يوليه", "يوليو", "تموز"],
            &["أغسطس", "آب"],
            &["سبتمبر", "أيلول"],
            &["أكتوبر", "تشرين الأول"],
            &["نوفمبر", "تشرين الثاني"],
            &["ديسمبر", "كانون الأول"],
        ],
    ),
];

/// The month (1–12) a word names, in any language of the table.
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.is_empty() {
        return None;
    }
    MONTHS.iter().find_map(|(_, months)| {
        months
            .iter()
            .position(|names| names.contains(&w.as_str()))
            .map(|i| i as u32 + 1)
    })
}

/// Words that join the parts of a date range ("3 to 7", "3 et 4", "del 3 al 7").
pub const RANGE_JOINERS: [&str; 12] = [
    "to", "and", "from", "au", "et", "du", "al", "y", "del", "de", "по", "и",
];

/// Words that introduce a venue before its dates ("held in Nairobi from …").
pub const VENUE_LEADS: [&str; 8] = [
    "held in",
    "held at",
    "tenue à",
    "celebrada en",
    "in",
    "at",
    "à",
    "en",
];

/// Words a title or a sentence cannot end on ("… the Executive Boards of").
pub const FUNCTION_WORDS: [&str; 32] = [
    "of", "and", "the", "for", "on", "to", "in", "with", "at", "by", "from", "or", "a", "an", "de",
    "du", "des", "et", "la", "le", "les", "sur", "y", "del", "el", "los", "las", "en", "и", "в",
    "на", "по",
];

pub fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
}

/// Weekday names, Monday first, per language (lower case; the forms a
/// timetable prints). Chinese weekdays (星期一 …) are read by their own pattern.
pub const WEEKDAYS: [(&str, [&[&str]; 7]); 5] = [
    (
        "en",
        [
            &["monday", "mon"],
            &["tuesday", "tue", "tues"],
            &["wednesday", "wed"],
            &["thursday", "thu", "thur", "thurs"],
            &["friday", "fri"],
            &["saturday", "sat"],
            &["sunday", "sun"],
        ],
    ),
    (
        "fr",
        [
            &["lundi"],
            &["mardi"],
            &["mercredi"],
            &["jeudi"],
            &["vendredi"],
            &["samedi"],
            &["dimanche"],
        ],
    ),
    (
        "es",
        [
            &["lunes"],
            &["martes"],
            &["miércoles", "miercoles"],
            &["jueves"],
            &["viernes"],
            &["sábado", "sabado"],
            &["domingo"],
        ],
    ),
    (
        "ru",
        [
            &["понедельник"],
            &["вторник"],
            &["среда"],
            &["четверг"],
            &["пятница"],
            &["суббота"],
            &["воскресенье"],
        ],
    ),
    (
        "ar",
        [
            &["الاثنين", "الإثنين"],
            &["الثلاثاء"],
            &["الأربعاء"],
            &["الخميس"],
            &["الجمعة"],
            &["السبت"],
            &["الأحد"],
        ],
    ),
];

/// The weekday (0 = Monday) a word names, in any language of the table.
pub fn weekday(word: &str) -> Option<usize> {
    let w = word
        .trim_matches(|c: char| c == '.' || c == ',' || c == '،' || c == '(' || c == ')')
        .to_lowercase();
    if w.is_empty() {
        return None;
    }
    WEEKDAYS
        .iter()
        .find_map(|(_, days)| days.iter().position(|names| names.contains(&w.as_str())))
}

/// "(continued)" in a timetable or an annotation heading, per language.
pub const CONTINUED: [(&str, &[&str]); 6] = [
    ("en", &["continued", "cont'd", "contd", "cont'd.", "contd."]),
    ("fr", &["suite"]),
    ("es", &["continuación", "continuacion"]),
    ("ru", &["продолжение"]),
    ("ar", &["تابع"]),
    ("zh", &["续", "继续"]),
];

/// Words of the hour in a time range ("10 heures-13 heures", "10.00 a 13.00
/// horas", "10 h-13 h"), and the words that join its two ends.
pub const HOUR_WORDS: [&str; 5] = ["heures", "heure", "horas", "hora", "h"];
pub const TIME_JOINERS: [&str; 7] = ["-", "–", "—", "to", "à", "a", "до"];

/// `words` as a regex alternation, longest first.
pub fn alternation(words: &[&str]) -> String {
    let mut w: Vec<&str> = words.to_vec();
    w.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    w.iter()
        .map(|s| regex::escape(s))
        .collect::<Vec<_>>()
        .join("|")
}

/// The letters of sub-items in the other scripts, in their order: Russian
/// documents letter sub-items а), б), в) …; Arabic ones (أ), (ب), (ج) … in
/// abjad order. The n-th letter is the n-th Latin one: "1(b)" whatever the script.
pub const SUB_ITEM_ALPHABETS: [(&str, &str); 2] = [
    ("ru", "абвгдежзиклмнопрстуфхцчшщыэюя"),
    ("ar", "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"),
];

/// The n-th letter (from 1) of a script's sub-item alphabet, doubled past
/// its end as Word counts ("аа"); Word's `russianLower` and `arabicAbjad`.
pub fn nth_sub_item_letter(script: &str, n: u32) -> Option<String> {
    let alphabet: Vec<char> = SUB_ITEM_ALPHABETS
        .iter()
        .find(|(s, _)| *s == script)?
        .1
        .chars()
        .collect();
    let n = n.checked_sub(1)? as usize;
    let c = alphabet[n % alphabet.len()];
    Some(c.to_string().repeat((n / alphabet.len() + 1).min(4)))
}

/// A regex class of every letter that can number a sub-item.
pub fn sub_item_letter_class() -> String {
    let others: String = SUB_ITEM_ALPHABETS.iter().map(|(_, a)| *a).collect();
    format!("[a-z{others}]")
}

/// The Latin letters of a sub-item's letters in any script ("б" → "b",
/// "ج" → "c", "aa" → "aa"); None when one is no sub-item letter.
pub fn latin_sub_item(letters: &str) -> Option<String> {
    letters
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() {
                return Some(c);
            }
            SUB_ITEM_ALPHABETS.iter().find_map(|(_, alphabet)| {
                let i = alphabet.chars().position(|a| a == c)?;
                char::from_u32('a' as u32 + i as u32)
            })
        })
        .collect()
}

/// A phrase table: for each language, the lower-case forms a document prints.
pub type Phrases = [(&'static str, &'static [&'static str]); 6];

/// Every phrase of a table, whatever its language.
pub fn all(table: &Phrases) -> Vec<&'static str> {
    table.iter().flat_map(|(_, p)| p.iter().copied()).collect()
}

/// Lower case, typographic apostrophes and no-break spaces made plain, the
/// form the phrase tables are written in.
pub fn fold(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .replace(['’', 'ʼ'], "'")
        .replace(['\u{a0}', '\u{202f}'], " ")
}

/// Whether `s` (already [`fold`]ed) is one of the table's phrases.
pub fn is_one_of(table: &Phrases, s: &str) -> bool {
    table.iter().any(|(_, p)| p.contains(&s))
}

// The headings of an annotated agenda, each standing on its own line.

pub const DOCUMENTATION: Phrases = [
    ("en", &["documentation", "documents"]),
    ("fr", &["documentation", "documents"]),
    ("es", &["documentación", "documentacion", "documentos"]),
    ("ru", &["документация", "документы"]),
    ("ar", &["الوثائق"]),
    ("zh", &["文件", "所涉文件"]),
];
pub const ANNOTATIONS: Phrases = [
    (
        "en",
        &["annotations", "annotations to the provisional agenda"],
    ),
    (
        "fr",
        &["annotations", "annotations à l'ordre du jour provisoire"],
    ),
    (
        "es",
        &["anotaciones", "anotaciones al programa provisional"],
    ),
    (
        "ru",
        &["аннотации", "аннотации к предварительной повестке дня"],
    ),
    ("ar", &["الشروح", "شروح جدول الأعمال المؤقت"]),
    ("zh", &["说明", "议程说明", "临时议程说明"]),
];
pub const PROVISIONAL_AGENDA: Phrases = [
    ("en", &["provisional agenda"]),
    ("fr", &["ordre du jour provisoire"]),
    ("es", &["programa provisional"]),
    ("ru", &["предварительная повестка дня"]),
    ("ar", &["جدول الأعمال المؤقت"]),
    ("zh", &["临时议程"]),
];
pub const AGENDA: Phrases = [
    ("en", &["agenda"]),
    ("fr", &["ordre du jour"]),
    ("es", &["programa"]),
    ("ru", &["повестка дня"]),
    ("ar", &["جدول الأعمال"]),
    ("zh", &["议程"]),
];
pub const ANNEX: Phrases = [
    ("en", &["annex", "annexes"]),
    ("fr", &["annexe", "annexes"]),
    ("es", &["anexo", "anexos"]),
    ("ru", &["приложение", "приложения"]),
    ("ar", &["المرفق", "مرفق", "المرفقات"]),
    ("zh", &["附件"]),
];
/// The annex that lays out the meeting's days ("Proposed organization of work").
pub const ORGANIZATION_OF_WORK: Phrases = [
    (
        "en",
        &[
            "organization of work",
            "proposed organization of work",
            "programme of work",
            "timetable",
            "schedule",
        ],
    ),
    (
        "fr",
        &[
            "organisation des travaux",
            "projet d'organisation des travaux",
            "organisation des travaux proposée",
            "programme de travail",
            "calendrier",
        ],
    ),
    (
        "es",
        &[
            "organización de los trabajos",
            "propuesta de organización de los trabajos",
            "organización de los trabajos propuesta",
            "programa de trabajo",
            "calendario",
        ],
    ),
    (
        "ru",
        &[
            "организация работы",
            "предлагаемая организация работы",
            "программа работы",
            "расписание",
        ],
    ),
    (
        "ar",
        &[
            "تنظيم الأعمال",
            "تنظيم الأعمال المقترح",
            "برنامج العمل",
            "الجدول الزمني",
        ],
    ),
    ("zh", &["拟议工作安排", "工作安排", "工作方案", "时间表"]),
];
pub const CONTENTS: Phrases = [
    ("en", &["contents"]),
    ("fr", &["table des matières"]),
    ("es", &["índice"]),
    ("ru", &["содержание"]),
    ("ar", &["المحتويات"]),
    ("zh", &["目录"]),
];

/// The line that says which agenda item a document is issued under, as the
/// regex of its start: "Item 4 of the provisional agenda", "Point 3 de
/// l'ordre du jour", "Пункт 3 предварительной повестки дня", "البند 3 من جدول
/// الأعمال المؤقت", "临时议程项目4".
pub const ITEM_OF_AGENDA: Phrases = [
    (
        "en",
        &[r"(?:provisional |annotated )?agenda items?", r"items?\s+\d"],
    ),
    ("fr", &[r"points? \d"]),
    ("es", &[r"temas? \d", r"puntos? \d"]),
    ("ru", &[r"пункты? \d", r"пункт повестки дня"]),
    ("ar", &[r"(?:البند|البندان|البنود) \d", r"بند جدول الأعمال"]),
    ("zh", &[r"(?:临时)?议程项目", r"项目\s*\d"]),
];

/// Who issued the document, the line under its title ("Note by the
/// Secretariat"), as regexes of its start.
pub const ISSUED_BY: Phrases = [
    (
        "en",
        &[
            r"(?:report|note|letter|memorandum) (?:of|by|from) the (?:secretary-general|secretariat|executive director|director-general|president|chair)",
        ],
    ),
    (
        "fr",
        &[
            r"(?:rapport|note|lettre|mémorandum) (?:du|de la|de l'|établie? par le) ?(?:secrétaire général|secrétariat|directeur exécutif|directrice exécutive|directeur général|président|présidente)",
        ],
    ),
    (
        "es",
        &[
            r"(?:informe|nota|carta|memorando) (?:del|de la) (?:secretario general|secretaría|director ejecutivo|directora ejecutiva|director general|presidente|presidencia)",
        ],
    ),
    (
        "ru",
        &[
            r"(?:доклад|записка|письмо|меморандум) (?:генерального секретаря|секретариата|исполнительного директора|генерального директора|председателя)",
        ],
    ),
    (
        "ar",
        &[
            r"(?:تقرير|مذكرة|رسالة) (?:من )?(?:الأمين العام|الأمانة|المدير التنفيذي|المدير العام|الرئيس)",
        ],
    ),
    (
        "zh",
        &[
            "秘书长的报告",
            "秘书处的说明",
            "秘书长的说明",
            "秘书处编写的背景文件",
        ],
    ),
];

/// The words of a body's name ("Working Group", "Commission"), as literal
/// phrases; English as a name prints them (capitalised, so that prose
/// mentioning a "group" names no body), the other languages lower case.
pub const BODY_WORDS: Phrases = [
    (
        "en",
        &[
            "Conference",
            "Working Group",
            "Commission",
            "Council",
            "Committee",
            "Subcommittee",
            "Sub-Commission",
            "Panel",
            "Bureau",
            "Assembly",
            "Group",
            "Meeting",
            "Board",
            "Forum",
            "Body",
            "Parties",
        ],
    ),
    (
        "fr",
        &[
            "conférence",
            "groupe de travail",
            "commission",
            "conseil",
            "comité",
            "assemblée",
            "groupe",
            "réunion",
            "forum",
            "organe",
            "parties",
        ],
    ),
    (
        "es",
        &[
            "conferencia",
            "grupo de trabajo",
            "comisión",
            "consejo",
            "comité",
            "asamblea",
            "grupo",
            "reunión",
            "junta",
            "foro",
            "órgano",
            "partes",
        ],
    ),
    (
        "ru",
        &[
            "конференция",
            "рабочая группа",
            "комиссия",
            "совет",
            "комитет",
            "ассамблея",
            "группа",
            "совещание",
            "форум",
            "орган",
            "участников",
        ],
    ),
    (
        "ar",
        &[
            "مؤتمر",
            "الفريق العامل",
            "فريق",
            "لجنة",
            "اللجنة",
            "مجلس",
            "الجمعية",
            "اجتماع",
            "منتدى",
            "هيئة",
            "الأطراف",
        ],
    ),
    (
        "zh",
        &[
            "会议",
            "工作组",
            "委员会",
            "理事会",
            "大会",
            "专家组",
            "小组",
            "机构",
            "论坛",
        ],
    ),
];

/// The line naming a session or meeting, as regexes of the whole line:
/// "Twenty-fourth session", "Quatrième réunion", "Décimo período de sesiones",
/// "Десятая сессия", "الدورة العاشرة", "第十届会议".
pub const SESSION_LINE: Phrases = [
    (
        "en",
        &[r"[a-z]+(?:-[a-z]+)?\s+(?:session|meeting)(?:\s*\(resumed\))?"],
    ),
    (
        "fr",
        &[r"[a-zéèêû]+(?:-[a-zéèêû]+)?\s+(?:session|réunion)(?:\s*\(reprise\))?"],
    ),
    (
        "es",
        &[
            r"[a-záéíóú]+(?:\s+[a-záéíóú]+)?\s+(?:período\s+(?:extraordinario\s+)?de\s+sesiones|periodo\s+de\s+sesiones|reunión|sesión)(?:\s*\(continuación\))?",
        ],
    ),
    (
        "ru",
        &[r"[а-яё]+(?:[\s-][а-яё]+)?\s+(?:сессия|совещание)(?:\s*\(возобновленная\))?"],
    ),
    ("ar", &[r"(?:الدورة|الاجتماع)\s+\S+(?:\s+\S+){0,3}"]),
    (
        "zh",
        &[r"第[一二三四五六七八九十百零〇0-9]+(?:届|次)(?:会议|届会|续会)?"],
    ),
];

/// A sentence saying a meeting took place ("was held", "s'est tenue", "se
/// celebró", "состоялось", "عُقد"), as regexes.
pub const HELD: Phrases = [
    (
        "en",
        &[
            r"was held",
            r"were held",
            r"held (?:its|a|the|in|at|from)",
            r"took place",
            r"organized the",
            r"convened",
        ],
    ),
    (
        "fr",
        &[
            r"se sont tenues?",
            r"s'est tenue?",
            r"a eu lieu",
            r"ont eu lieu",
        ],
    ),
    (
        "es",
        &[
            r"se celebró",
            r"se celebraron",
            r"tuvo lugar",
            r"tuvieron lugar",
        ],
    ),
    (
        "ru",
        &[
            r"состоял[аоси]+",
            r"был[аои]? проведен[аоы]?",
            r"провел[аои]?",
        ],
    ),
    ("ar", &[r"عقدت?", r"انعقدت?"]),
    // Chinese reports name the meeting in their title ("在维也纳举行的……会议报告").
    ("zh", &[]),
];

/// What a meeting other than a body's session is called (a workshop, a forum).
pub const MEETING_KINDS: Phrases = [
    (
        "en",
        &[
            "workshop",
            "seminar",
            "meeting",
            "consultation",
            "expert",
            "advisory group",
            "forum",
        ],
    ),
    (
        "fr",
        &["atelier", "séminaire", "réunion", "consultation", "forum"],
    ),
    (
        "es",
        &["taller", "seminario", "reunión", "consulta", "foro"],
    ),
    (
        "ru",
        &["семинар", "практикум", "совещание", "консультаци", "форум"],
    ),
    (
        "ar",
        &["حلقة عمل", "حلقة دراسية", "اجتماع", "مشاورات", "منتدى"],
    ),
    ("zh", &["讲习班", "研讨会", "会议", "磋商", "论坛"]),
];

/// `table`'s regex fragments as one alternation (the fragments are regexes
/// already; the longest first so that a longer form wins).
pub fn regex_alternation(table: &Phrases) -> String {
    let mut w = all(table);
    w.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    w.dedup();
    w.join("|")
}

/// `table`'s literal phrases as one escaped alternation.
pub fn literal_alternation(table: &Phrases) -> String {
    let mut w = all(table);
    w.dedup();
    alternation(&w)
}

/// The header words of a timetable's columns, by the kind of column, in the
/// order they are tried (a "Date" column before an "Item" column). ASCII
/// words match whole words (and their plural in -s); the others match inside
/// the cell.
pub const TIMETABLE_COLUMNS: [(&str, &[&str]); 6] = [
    (
        "date",
        &[
            "date",
            "day",
            "fecha",
            "día",
            "дата",
            "день",
            "التاريخ",
            "اليوم",
            "日期",
        ],
    ),
    (
        "time",
        &[
            "time",
            "hour",
            "heure",
            "horaire",
            "hora",
            "horario",
            "время",
            "الوقت",
            "时间",
        ],
    ),
    (
        "item",
        &[
            "item",
            "agenda",
            "programme",
            "point",
            "tema",
            "programa",
            "пункт",
            "повестк",
            "البند",
            "议程",
            "项目",
        ],
    ),
    (
        "room",
        &[
            "room",
            "venue",
            "salle",
            "sala",
            "зал",
            "القاعة",
            "会议室",
            "地点",
        ],
    ),
    (
        "meeting",
        &["meeting", "séance", "sesión", "заседание", "الجلسة", "会议"],
    ),
    (
        "other",
        &[
            "title",
            "description",
            "subject",
            "introduced",
            "remarks",
            "notes",
            "documents",
            "speaker",
            "topic",
            "titre",
            "objet",
            "observations",
            "título",
            "descripción",
            "asunto",
            "observaciones",
            "название",
            "описание",
            "тема",
            "примечания",
            "документы",
            "العنوان",
            "الوصف",
            "الموضوع",
            "ملاحظات",
            "الوثائق",
            "标题",
            "说明",
            "备注",
            "文件",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_item_letters_of_every_script_are_latin_in_numbers() {
        assert_eq!(latin_sub_item("b").as_deref(), Some("b"));
        assert_eq!(latin_sub_item("б").as_deref(), Some("b"));
        assert_eq!(latin_sub_item("в").as_deref(), Some("c"));
        assert_eq!(latin_sub_item("ب").as_deref(), Some("b"));
        assert_eq!(latin_sub_item("ج").as_deref(), Some("c"));
        assert_eq!(latin_sub_item("aa").as_deref(), Some("aa"));
        assert_eq!(latin_sub_item("1"), None);
        assert_eq!(nth_sub_item_letter("ru", 2).as_deref(), Some("б"));
        assert_eq!(nth_sub_item_letter("ar", 3).as_deref(), Some("ج"));
        // Doubled past the end, never without bound.
        assert_eq!(
            nth_sub_item_letter("ru", u32::MAX).map(|s| s.chars().count()),
            Some(4)
        );
    }

    #[test]
    fn weekdays_in_five_languages() {
        for (w, n) in [
            ("Tuesday", 1),
            ("mardi", 1),
            ("Miércoles", 2),
            ("четверг", 3),
            ("الجمعة", 4),
        ] {
            assert_eq!(weekday(w), Some(n), "{w}");
        }
        assert_eq!(weekday("septembre"), None);
    }
}
