pub fn run(_a: &crate::cli::RunArgs) -> anyhow::Result<std::process::ExitCode> { anyhow::bail!("todo") }
