//! UN venues and their IANA time zones, in the spellings the six official
//! languages print on mastheads. The table is documented in
//! `docs/venues.md`; a test keeps the two in step.

/// A venue city: its spellings (English first) and its time zone.
pub struct Venue {
    pub names: &'static [&'static str],
    pub zone: &'static str,
}

/// Headquarters and regional commissions first, then host cities of the
/// sessions in the seed library and of other UN conferences.
pub const VENUES: &[Venue] = &[
    v(
        &["Vienna", "维也纳", "Vienne", "Viena", "Вена", "فيينا"],
        "Europe/Vienna",
    ),
    v(
        &["Geneva", "日内瓦", "Genève", "Ginebra", "Женева", "جنيف"],
        "Europe/Zurich",
    ),
    v(
        &["New York", "纽约", "Nueva York", "Нью-Йорк", "نيويورك"],
        "America/New_York",
    ),
    v(
        &["Nairobi", "内罗毕", "Найроби", "نيروبي"],
        "Africa/Nairobi",
    ),
    v(&["Bonn", "波恩", "Бонн", "بون"], "Europe/Berlin"),
    v(&["Bangkok", "曼谷", "Бангкок", "بانكوك"], "Asia/Bangkok"),
    v(
        &[
            "Addis Ababa",
            "亚的斯亚贝巴",
            "Addis-Abeba",
            "Addis Abeba",
            "Аддис-Абеба",
            "أديس أبابا",
        ],
        "Africa/Addis_Ababa",
    ),
    v(
        &["Santiago", "圣地亚哥", "Сантьяго", "سانتياغو"],
        "America/Santiago",
    ),
    v(
        &["Beirut", "贝鲁特", "Beyrouth", "Бейрут", "بيروت"],
        "Asia/Beirut",
    ),
    v(
        &[
            "Abu Dhabi",
            "阿布扎比",
            "Abou Dhabi",
            "Abu Dabi",
            "Абу-Даби",
            "أبوظبي",
            "أبو ظبي",
        ],
        "Asia/Dubai",
    ),
    v(
        &["Marrakech", "马拉喀什", "Marrakesh", "Марракеш", "مراكش"],
        "Africa/Casablanca",
    ),
    v(&["Doha", "多哈", "Доха", "الدوحة"], "Asia/Qatar"),
    v(
        &[
            "Panama City",
            "巴拿马城",
            "Panama",
            "Panamá",
            "巴拿马",
            "Панама",
            "بنما",
        ],
        "America/Panama",
    ),
    v(
        &[
            "St. Petersburg",
            "圣彼得堡",
            "Saint Petersburg",
            "Saint-Pétersbourg",
            "San Petersburgo",
            "Санкт-Петербург",
            "سانت بطرسبرغ",
        ],
        "Europe/Moscow",
    ),
    v(
        &["Atlanta", "亚特兰大", "Атланта", "أتلانتا"],
        "America/New_York",
    ),
    v(
        &[
            "Sharm el-Sheikh",
            "沙姆沙伊赫",
            "Charm el-Cheikh",
            "Sharm el Sheij",
            "Шарм-эш-Шейх",
            "شرم الشيخ",
        ],
        "Africa/Cairo",
    ),
    v(&["Kyoto", "京都", "Киото", "كيوتو"], "Asia/Tokyo"),
    v(&["Rome", "罗马", "Roma", "Рим", "روما"], "Europe/Rome"),
    v(
        &["Paris", "巴黎", "París", "Париж", "باريس"],
        "Europe/Paris",
    ),
    v(
        &["Montreal", "蒙特利尔", "Montréal", "Монреаль", "مونتريال"],
        "America/Toronto",
    ),
    v(
        &["London", "伦敦", "Londres", "Лондон", "لندن"],
        "Europe/London",
    ),
    v(
        &["The Hague", "海牙", "La Haye", "La Haya", "Гаага", "لاهاي"],
        "Europe/Amsterdam",
    ),
];

const fn v(names: &'static [&'static str], zone: &'static str) -> Venue {
    Venue { names, zone }
}

/// The time zone of the venue a masthead names ("维也纳", "Vienna, 10-14 June 2024"),
/// if the venue is in the table. The longest matching spelling wins.
pub fn zone_for_venue(venue: &str) -> Option<&'static str> {
    // Every spelling in lower case, made once (the library listing asks for
    // each meeting).
    static SPELLINGS: std::sync::LazyLock<Vec<(String, &'static str)>> =
        std::sync::LazyLock::new(|| {
            VENUES
                .iter()
                .flat_map(|v| v.names.iter().map(move |n| (n.to_lowercase(), v.zone)))
                .collect()
        });
    let venue = venue.to_lowercase();
    SPELLINGS
        .iter()
        .filter(|(n, _)| names_place(&venue, n))
        .max_by_key(|(n, _)| n.chars().count())
        .map(|(_, zone)| *zone)
}

/// Whether `name` occurs in `text` as a whole word ("Roma" is not in "Romania";
/// Chinese names need no word boundary).
fn names_place(text: &str, name: &str) -> bool {
    let latin = |c: char| c.is_alphanumeric() && !crate::script::is_cjk(c);
    text.match_indices(name).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        let first = m.chars().next();
        let last = m.chars().next_back();
        let glued_before = first.is_some_and(latin) && before.is_some_and(latin);
        let glued_after = last.is_some_and(latin) && after.is_some_and(latin);
        !glued_before && !glued_after
    })
}

/// Whether `zone` is an IANA time-zone name this build knows.
pub fn is_known_zone(zone: &str) -> bool {
    zone.parse::<chrono_tz::Tz>().is_ok()
}

/// `Ok` for a known IANA zone name, else the error the user sees.
pub fn check_zone(zone: &str) -> crate::error::Result<()> {
    if is_known_zone(zone) {
        Ok(())
    } else {
        Err(crate::error::Error::Invalid(format!(
            "{zone:?} is not an IANA time zone (such as Europe/Vienna or Asia/Dubai)"
        )))
    }
}

/// Every IANA zone name this build knows, sorted (for a zone picker).
pub fn known_zones() -> Vec<&'static str> {
    let mut zones: Vec<&'static str> = chrono_tz::TZ_VARIANTS.iter().map(|z| z.name()).collect();
    zones.sort_unstable();
    zones
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn venues_in_both_languages_map_to_their_zone() {
        assert_eq!(zone_for_venue("维也纳"), Some("Europe/Vienna"));
        assert_eq!(zone_for_venue("Vienna"), Some("Europe/Vienna"));
        assert_eq!(zone_for_venue("阿布扎比"), Some("Asia/Dubai"));
        assert_eq!(
            zone_for_venue("Abu Dhabi, United Arab Emirates"),
            Some("Asia/Dubai")
        );
        assert_eq!(
            zone_for_venue("Palais des Nations, Genève"),
            Some("Europe/Zurich")
        );
        assert_eq!(zone_for_venue("Panama City"), Some("America/Panama"));
        assert_eq!(zone_for_venue("Atlantis"), None);
        assert_eq!(zone_for_venue("Bucharest, Romania"), None);
        assert_eq!(zone_for_venue("Рим"), Some("Europe/Rome"));
    }

    #[test]
    fn every_zone_in_the_table_is_known() {
        for venue in VENUES {
            assert!(is_known_zone(venue.zone), "{}", venue.zone);
        }
    }

    #[test]
    fn the_documented_table_lists_every_venue() {
        let doc = include_str!("../../../../docs/venues.md");
        for venue in VENUES {
            let row = doc
                .lines()
                .find(|l| l.starts_with(&format!("| {} |", venue.names[0])))
                .unwrap_or_else(|| panic!("docs/venues.md has no row for {}", venue.names[0]));
            assert!(row.contains(venue.zone), "{row}");
            for name in venue.names {
                assert!(row.contains(name), "{row} lacks {name}");
            }
        }
    }
}
