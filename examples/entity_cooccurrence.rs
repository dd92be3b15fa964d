//! Example: entity_cooccurrence (run with `cargo run --example entity_cooccurrence`).

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    Ok(())
}
