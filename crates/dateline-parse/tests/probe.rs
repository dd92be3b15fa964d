#![allow(clippy::all)]
#[test]
fn probe() {
    let unit = std::env::var("UNIT").unwrap_or("\"".into()).replace("\\n", "\n");
    for n in [100_000usize, 400_000, 1_600_000] {
        let text = unit.repeat(n / unit.len());
        let t = std::time::Instant::now();
        let doc = dateline_parse::Parser::new().parse("x", text).unwrap();
        println!("{n}: {:?} blocks {}", t.elapsed(), doc.blocks.len());
    }
}
