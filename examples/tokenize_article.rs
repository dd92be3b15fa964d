//! Example: tokenize_article (run with `cargo run --example tokenize_article`).

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    Ok(())
}
