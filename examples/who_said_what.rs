//! Example: who_said_what (run with `cargo run --example who_said_what`).

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    Ok(())
}
