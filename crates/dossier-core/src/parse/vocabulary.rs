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
