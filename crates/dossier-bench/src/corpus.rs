//! A deterministic corpus of meeting documents: annotated agendas with a
//! timetable, reports with numbered paragraphs and other documents, in
//! Chinese and English, at the sizes of the seeds and `shared/corpus`.
//!
//! Sentences are drawn from real UN text (the seeds and the English
//! fixtures), shuffled and recombined with generated bodies, sessions,
//! venues, dates, item numbers and symbols, so the index sees the vocabulary,
//! run lengths and punctuation of real documents while no two documents are
//! the same. The same seed always gives the same corpus.

const ZH_SOURCES: &[&str] = &[
    include_str!("../../../seeds/000_abe935980996e0b8.txt"),
    include_str!("../../../seeds/001_9b3f3c3582431abc.txt"),
    include_str!("../../../seeds/003_9b7261b858c1689a.txt"),
    include_str!("../../../seeds/004_5995beeb77b35464.txt"),
];
const EN_SOURCES: &[&str] = &[
    include_str!("../../dossier-core/tests/fixtures/en_ctoc_agenda.txt"),
    include_str!("../../dossier-core/tests/fixtures/en_report.txt"),
];

/// SplitMix64: small, fast and deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Sentences of real text, by language.
pub struct Pools {
    zh: Vec<String>,
    en: Vec<String>,
}

impl Pools {
    pub fn new() -> Self {
        let zh = ZH_SOURCES
            .iter()
            .flat_map(|s| s.split(['。', '；', '\n']))
            .map(|s| s.trim().trim_start_matches("- ").to_string())
            .filter(|s| s.chars().filter(|c| is_han(*c)).count() >= 12)
            .filter(|s| !s.contains('\t'))
            .map(|s| format!("{s}。"))
            .collect();
        let en = EN_SOURCES
            .iter()
            .flat_map(|s| s.split(". "))
            .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| s.split(' ').count() >= 8 && !s.contains('\t'))
            .map(|s| format!("{}.", s.trim_end_matches('.')))
            .collect();
        Pools { zh, en }
    }

    /// A paragraph of `base` to `base + spread - 1` sentences.
    fn paragraph_var(&self, rng: &mut Rng, zh: bool, base: usize, spread: usize) -> String {
        let n = base + rng.below(spread);
        self.paragraph(rng, zh, n)
    }

    fn paragraph(&self, rng: &mut Rng, zh: bool, sentences: usize) -> String {
        let pool = if zh { &self.zh } else { &self.en };
        let parts: Vec<&str> = (0..sentences).map(|_| rng.pick(pool).as_str()).collect();
        parts.join(if zh { "" } else { " " })
    }
}

impl Default for Pools {
    fn default() -> Self {
        Self::new()
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

struct Body {
    zh: &'static str,
    en: &'static str,
    code: &'static str,
}

const BODIES: &[Body] = &[
    Body { zh: "资产追回问题不限成员名额政府间工作组", en: "Open-ended Intergovernmental Working Group on Asset Recovery", code: "CAC/COSP/WG.2" },
    Body { zh: "预防腐败问题不限成员名额政府间工作组", en: "Open-ended Intergovernmental Working Group on the Prevention of Corruption", code: "CAC/COSP/WG.4" },
    Body { zh: "实施情况审议组", en: "Implementation Review Group", code: "CAC/COSP/IRG" },
    Body { zh: "联合国打击跨国有组织犯罪公约缔约方会议", en: "Conference of the Parties to the United Nations Convention against Transnational Organized Crime", code: "CTOC/COP" },
    Body { zh: "麻醉药品委员会", en: "Commission on Narcotic Drugs", code: "E/CN.7" },
    Body { zh: "预防犯罪和刑事司法委员会", en: "Commission on Crime Prevention and Criminal Justice", code: "E/CN.15" },
];

const VENUES: &[(&str, &str)] = &[
    ("维也纳", "Vienna"),
    ("日内瓦", "Geneva"),
    ("纽约", "New York"),
    ("多哈", "Doha"),
    ("内罗毕", "Nairobi"),
];
const MONTHS_EN: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS_ZH: &[&str] = &["星期一", "星期二", "星期三", "星期四", "星期五"];
const WEEKDAYS_EN: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// One generated file.
pub struct GeneratedFile {
    pub name: String,
    pub text: String,
}

/// `n` documents: 45% agendas, 30% reports, 25% other documents; 60% Chinese.
pub fn generate(n: usize, seed: u64) -> Vec<GeneratedFile> {
    let pools = Pools::new();
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            let zh = rng.below(10) < 6;
            let kind = rng.below(20);
            let text = match kind {
                0..=8 => agenda(&pools, &mut rng, zh, i),
                9..=14 => report(&pools, &mut rng, zh, i),
                _ => other(&pools, &mut rng, zh, i),
            };
            GeneratedFile {
                name: format!("{i:05}_{}.txt", if zh { "zh" } else { "en" }),
                text,
            }
        })
        .collect()
}

struct Meeting {
    body: &'static Body,
    year: u32,
    month: u32,
    day: u32,
    days: u32,
    venue: (&'static str, &'static str),
    session: u32,
}

fn meeting(rng: &mut Rng) -> Meeting {
    Meeting {
        body: rng.pick(BODIES),
        year: 2005 + rng.below(21) as u32,
        month: 1 + rng.below(12) as u32,
        day: 1 + rng.below(20) as u32,
        days: 2 + rng.below(4) as u32,
        venue: *rng.pick(VENUES),
        session: 1 + rng.below(30) as u32,
    }
}

fn masthead(m: &Meeting, zh: bool, title_zh: &str, title_en: &str) -> String {
    let end = m.day + m.days - 1;
    if zh {
        format!(
            "Distr.: General\n{} {} {}\nChinese\nOriginal: English\n\n{}\n第{}届会议\n{}年{}月{}日至{}日，{}\n\n{}\n\n",
            m.day, MONTHS_EN[m.month as usize - 1], m.year, m.body.zh, m.session, m.year, m.month, m.day, end, m.venue.0, title_zh
        )
    } else {
        format!(
            "Distr.: General\n{} {} {}\n\nOriginal: English\n\n{}\nSession {}\n{}, {}–{} {} {}\n\n{}\n\n",
            m.day, MONTHS_EN[m.month as usize - 1], m.year, m.body.en, m.session, m.venue.1, m.day, end, MONTHS_EN[m.month as usize - 1], m.year, title_en
        )
    }
}

fn symbol(m: &Meeting, rng: &mut Rng) -> String {
    format!("{}/{}/{}", m.body.code, m.year, 2 + rng.below(9))
}

fn agenda(p: &Pools, rng: &mut Rng, zh: bool, _i: usize) -> String {
    let m = meeting(rng);
    let mut out = masthead(&m, zh, "临时议程说明", "Provisional agenda and annotations");
    let items = 4 + rng.below(6);
    let titles: Vec<String> = (0..items)
        .map(|_| {
            let s = p.paragraph(rng, zh, 1);
            let cut: String = if zh {
                s.chars().take(6 + rng.below(14)).collect()
            } else {
                s.split(' ')
                    .take(3 + rng.below(6))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            cut.trim_end_matches(['。', '.', '，', ',']).to_string()
        })
        .collect();
    out.push_str(if zh {
        "临时议程\n\n"
    } else {
        "Provisional agenda\n\n"
    });
    for (n, t) in titles.iter().enumerate() {
        out.push_str(&format!(
            "{}. {}{}\n",
            n + 1,
            t,
            if zh { "。" } else { "." }
        ));
    }
    out.push_str(if zh {
        "\n说明\n\n"
    } else {
        "\nAnnotations\n\n"
    });
    for (n, t) in titles.iter().enumerate() {
        out.push_str(&format!("{}. {}\n\n", n + 1, t));
        for _ in 0..(1 + rng.below(4)) {
            out.push_str(&p.paragraph_var(rng, zh, 2, 4));
            out.push_str("\n\n");
        }
        out.push_str(if zh {
            "文件\n\n"
        } else {
            "Documentation\n\n"
        });
        for _ in 0..(1 + rng.below(3)) {
            let sym = symbol(&m, rng);
            let title = p.paragraph(rng, zh, 1).chars().take(30).collect::<String>();
            out.push_str(&format!("{sym}\t{title}\n"));
        }
        out.push('\n');
    }
    out.push_str(if zh {
        "附件\n\n拟议工作安排\n\n日期和时间\t议程项目\t标题或说明\n"
    } else {
        "Annex\n\nProposed organization of work\n\nDate and time\tItem\tTitle or description\n"
    });
    let mut item = 1;
    for d in 0..m.days {
        let day = m.day + d;
        if zh {
            out.push_str(&format!(
                "{}年{}月{}日，{}\t\t\n",
                m.year,
                m.month,
                day,
                WEEKDAYS_ZH[d as usize % 5]
            ));
        } else {
            out.push_str(&format!(
                "{}, {} {}\t\t\n",
                WEEKDAYS_EN[d as usize % 5],
                day,
                MONTHS_EN[m.month as usize - 1]
            ));
        }
        for (slot_zh, slot_en) in [
            ("上午 10 时至下午 1 时", "10 a.m.–1 p.m."),
            ("下午 3 时至 6 时", "3–6 p.m."),
        ] {
            let n = item.min(items);
            let title = &titles[n - 1];
            out.push_str(&format!(
                "{}\t{}\t{}\n",
                if zh { slot_zh } else { slot_en },
                n,
                title
            ));
            if rng.below(3) > 0 {
                item += 1;
            }
        }
    }
    out
}

fn report(p: &Pools, rng: &mut Rng, zh: bool, _i: usize) -> String {
    let m = meeting(rng);
    let mut out = masthead(&m, zh, "会议报告", "Report of the meeting");
    let chapters = 3 + rng.below(4);
    let mut para = 1;
    const ZH_NUMS: &[&str] = &["一", "二", "三", "四", "五", "六", "七"];
    const ROMAN: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII"];
    for c in 0..chapters {
        let heading = p.paragraph(rng, zh, 1);
        let heading: String = if zh {
            heading.chars().take(12).collect()
        } else {
            heading.split(' ').take(5).collect::<Vec<_>>().join(" ")
        };
        if zh {
            out.push_str(&format!(
                "{}. {}\n\n",
                ZH_NUMS[c],
                heading.trim_end_matches('。')
            ));
        } else {
            out.push_str(&format!(
                "{}. {}\n\n",
                ROMAN[c],
                heading.trim_end_matches('.')
            ));
        }
        for _ in 0..(3 + rng.below(10)) {
            out.push_str(&format!("{para}. {}\n\n", p.paragraph_var(rng, zh, 2, 5)));
            para += 1;
        }
    }
    out
}

fn other(p: &Pools, rng: &mut Rng, zh: bool, _i: usize) -> String {
    let m = meeting(rng);
    let mut out = masthead(&m, zh, "秘书处的说明", "Note by the Secretariat");
    for para in 1..(10 + rng.below(40)) {
        out.push_str(&format!("{para}. {}\n\n", p.paragraph_var(rng, zh, 2, 4)));
    }
    out
}
