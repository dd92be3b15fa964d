//! wikinews tests.
