//! One binary, two faces: natively the `draftcheck` CLI; compiled to wasm32
//! (by Trunk) the web app's entry point.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
mod alloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    alloc::keep_freed_memory();
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    draftcheck::web::start();
}
