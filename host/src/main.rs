fn main() -> std::process::ExitCode {
    opgap::cli::main()
}
