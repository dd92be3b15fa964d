//! Criterion benchmark: parse (run with `cargo bench --bench parse`).

use criterion::{Criterion, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    c.bench_function("parse/placeholder", |b| b.iter(|| std::hint::black_box(1 + 1)));
}

criterion_group!(benches, bench);
criterion_main!(benches);
