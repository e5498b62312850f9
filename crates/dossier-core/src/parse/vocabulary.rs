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
