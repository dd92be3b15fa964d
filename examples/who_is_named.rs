//! Example: who_is_named (run with `cargo run --example who_is_named`).

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    Ok(())
}
