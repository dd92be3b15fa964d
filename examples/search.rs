//! Example: search (run with `cargo run --example search`).

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    Ok(())
}
