//! `ods-stub`: the loopback imitation of the UN's Official Document System,
//! as a program, for the app's end-to-end tests and for trying `dossier
//! fetch` by hand without the internet.
//!
//! ```text
//! ods-stub [--port N] [--file SYMBOL LANG FORMAT PATH]... [--word SYMBOL LANG TITLE]...
//!          [--quirk SYMBOL LANG FORMAT 429:N|503:N|403:N|error:N|shell:N|cut:N|slow:MS]...
//! ```
//!
//! Prints one line, the server's address (`http://127.0.0.1:PORT`), logs
//! each request on stderr, and serves until it is killed.

use ods_stub::{word_document, Catalogue, Quirk, Stub};
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("ods-stub: {message}");
            ExitCode::from(2)
        }
    }
}

fn take<'a>(
    args: &'a [String],
    i: &mut usize,
    n: usize,
    flag: &str,
) -> Result<&'a [String], String> {
    let start = *i + 1;
    if start + n > args.len() {
        return Err(format!("{flag} needs {n} values"));
    }
    *i = start + n;
    Ok(&args[start..start + n])
}

fn quirk(spec: &str) -> Result<Quirk, String> {
    let (kind, n) = spec
        .split_once(':')
        .ok_or_else(|| format!("quirk {spec:?}: write KIND:N, e.g. 429:1 or slow:2000"))?;
    let n: u32 = n
        .parse()
        .map_err(|_| format!("quirk {spec:?}: {n:?} is not a number"))?;
    Ok(match kind {
        "429" => Quirk::TooManyRequests(n),
        "503" => Quirk::Unavailable(n),
        "403" => Quirk::Forbidden(n),
        "error" => Quirk::ErrorRedirect(n),
        "shell" => Quirk::AppShell(n),
        "cut" => Quirk::CutMidBody(n),
        "slow" => Quirk::Slow(Duration::from_millis(u64::from(n))),
        other => {
            return Err(format!(
                "quirk {other:?}: one of 429 503 403 error shell cut slow"
            ))
        }
    })
}

/// Two paragraphs in the document's language, so that its language is
/// recognised from its text as the Organization's files are.
fn filler(language: &str) -> [&'static str; 2] {
    match language {
        "zh" => [
            "本文件由测试服务器生成，代表本组织以该文号印发的一份文件。",
            "缔约国会议请秘书处继续收集关于执行情况的资料，并向下一届会议提交报告。",
        ],
        "fr" => [
            "Le présent document a été établi par le serveur d'essai pour représenter un document publié sous cette cote.",
            "La Conférence des États parties a prié le secrétariat de continuer à recueillir des informations et de lui faire rapport à sa prochaine session.",
        ],
        "es" => [
            "El presente documento fue preparado por el servidor de prueba y representa un documento publicado con esta signatura.",
            "La Conferencia de los Estados partes solicitó a la secretaría que siguiera reuniendo información y le informara en su próximo período de sesiones.",
        ],
        "ru" => [
            "Настоящий документ подготовлен тестовым сервером и представляет документ, выпущенный под этим условным обозначением.",
            "Конференция государств-участников просила секретариат продолжать сбор информации и представить доклад на ее следующей сессии.",
        ],
        "ar" => [
            "أعد خادم الاختبار هذه الوثيقة لتمثل وثيقة صادرة تحت هذه الرمز.",
            "طلب مؤتمر الدول الأطراف إلى الأمانة أن تواصل جمع المعلومات وأن تقدم تقريرا إلى دورته المقبلة.",
        ],
        _ => [
            "This document was made by the test server and stands for a document issued under this symbol.",
            "The Conference of the States Parties requested the secretariat to continue gathering information and to report to it at its next session.",
        ],
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut port = 0u16;
    let mut catalogue = Catalogue::new();
    let mut quirks = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--port" => {
                let v = take(&args, &mut i, 1, "--port")?;
                port = v[0]
                    .parse()
                    .map_err(|_| format!("--port {:?}: not a port", v[0]))?;
            }
            "--file" => {
                let v = take(&args, &mut i, 4, "--file")?;
                let bytes = std::fs::read(&v[3]).map_err(|e| format!("{}: {e}", v[3]))?;
                catalogue = catalogue.file(&v[0], &v[1], &v[2], bytes);
            }
            "--word" => {
                let v = take(&args, &mut i, 3, "--word")?;
                let body = filler(&v[1]);
                catalogue = catalogue.file(
                    &v[0],
                    &v[1],
                    "docx",
                    word_document(&v[0], &v[1], &v[2], &body),
                );
            }
            "--quirk" => {
                let v = take(&args, &mut i, 4, "--quirk")?;
                quirks.push((v[0].clone(), v[1].clone(), v[2].clone(), quirk(&v[3])?));
            }
            "-h" | "--help" => {
                println!(
                    "ods-stub [--port N] [--file SYMBOL LANG FORMAT PATH]... [--word SYMBOL LANG TITLE]... \
                     [--quirk SYMBOL LANG FORMAT 429:N|503:N|403:N|error:N|shell:N|cut:N|slow:MS]..."
                );
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?} (see --help)")),
        }
    }
    for (symbol, language, format, q) in quirks {
        catalogue = catalogue.quirk(&symbol, &language, &format, q);
    }
    let stub = Stub::start_on(port, catalogue).map_err(|e| format!("cannot listen: {e}"))?;
    println!("{}", stub.url());
    std::io::stdout().flush().map_err(|e| e.to_string())?;
    // Serve until killed; the requests are logged as they are answered.
    let mut logged = 0;
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let requests = stub.requests();
        for r in &requests[logged.min(requests.len())..] {
            let query: Vec<String> = r.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
            eprintln!("ods-stub: {} {}?{}", r.status, r.path, query.join("&"));
        }
        logged = requests.len();
    }
}
