//! `spector-facts`: check a facts bundle, or export its figures as CSV or
//! JSON for a newsroom's spreadsheet.
//!
//! Exit status: 0 done (warnings included), 1 the bundle is invalid, 2 a
//! usage error or a file that cannot be read or written.
//!
//! Native only: `wasm-pack test` also compiles binaries for wasm32, where
//! `facts::parse_json` does not exist, so there this is an empty program.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use spector_widget::export;
    use spector_widget::facts::{self, Bundle, BundleError};
    use std::ffi::OsString;
    use std::io::Write;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    const USAGE: &str = "\
spector-facts: check a facts bundle or export its figures

Usage:
  spector-facts check FILE
  spector-facts export FILE [--format csv|json] [-o PATH]
  spector-facts --help

Commands:
  check     Validate FILE; print a summary, or every error with its JSON path.
  export    Write one row per figure as CSV (default) or JSON to stdout,
            or to PATH with -o.

Options:
  -f, --format csv|json   Export format (default csv).
  -o, --output PATH       Write the export to PATH instead of stdout.
  -h, --help              Print this help.

Exit status: 0 ok (warnings are printed but do not fail), 1 invalid bundle,
2 usage error or a file that cannot be read or written.
";

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Format {
        Csv,
        Json,
    }

    /// What the command line asks for. A `render` command would be one more
    /// variant here, one more arm in `parse_args` and in `main`.
    #[derive(Debug)]
    enum Command {
        Help,
        Check { file: PathBuf },
        Export { file: PathBuf, format: Format, output: Option<PathBuf> },
    }

    /// A failure, with the exit status it leads to.
    enum Failure {
        Usage(String),
        Io(String),
        Invalid,
    }

    pub fn main() -> ExitCode {
        let args: Vec<OsString> = std::env::args_os().skip(1).collect();
        let result = match parse_args(&args) {
            Ok(Command::Help) => write_stdout(USAGE.as_bytes()),
            Ok(Command::Check { file }) => check(&file),
            Ok(Command::Export { file, format, output }) => export(&file, format, output.as_deref()),
            Err(message) => Err(Failure::Usage(message)),
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(Failure::Invalid) => ExitCode::from(1),
            Err(Failure::Usage(message)) => {
                eprintln!("spector-facts: {message}");
                eprintln!("Try 'spector-facts --help'.");
                ExitCode::from(2)
            }
            Err(Failure::Io(message)) => {
                eprintln!("spector-facts: {message}");
                ExitCode::from(2)
            }
        }
    }

    fn parse_args(args: &[OsString]) -> Result<Command, String> {
        let mut rest = args.iter();
        let Some(command) = rest.next() else {
            return Err("missing command (check or export)".to_owned());
        };
        let command = command.to_string_lossy();
        match command.as_ref() {
            "-h" | "--help" | "help" => Ok(Command::Help),
            "check" => {
                let mut file = None;
                for arg in rest.by_ref() {
                    match arg.to_str() {
                        Some("-h" | "--help") => return Ok(Command::Help),
                        Some(s) if is_option(s) => return Err(unknown_option(s)),
                        _ => set_file(&mut file, arg)?,
                    }
                }
                let file = file.ok_or_else(|| "check: missing FILE".to_owned())?;
                Ok(Command::Check { file })
            }
            "export" => {
                let mut file = None;
                let mut format = None;
                let mut output = None;
                while let Some(arg) = rest.next() {
                    let text = arg.to_str().unwrap_or("");
                    let (name, inline) = match text.split_once('=') {
                        Some((name, value)) if name.starts_with("--") => (name, Some(OsString::from(value))),
                        _ => (text, None),
                    };
                    match name {
                        "-h" | "--help" => return Ok(Command::Help),
                        "-f" | "--format" => {
                            let value = option_value(name, inline, &mut rest)?;
                            let parsed = match value.to_str() {
                                Some("csv") => Format::Csv,
                                Some("json") => Format::Json,
                                _ => {
                                    return Err(format!(
                                        "unknown format \"{}\", expected csv or json",
                                        value.to_string_lossy()
                                    ))
                                }
                            };
                            if format.replace(parsed).is_some() {
                                return Err(format!("export: {name} given twice"));
                            }
                        }
                        "-o" | "--output" => {
                            let value = option_value(name, inline, &mut rest)?;
                            if value.is_empty() {
                                return Err(format!("export: {name} needs a path"));
                            }
                            if output.replace(PathBuf::from(value)).is_some() {
                                return Err(format!("export: {name} given twice"));
                            }
                        }
                        s if is_option(s) => return Err(unknown_option(s)),
                        _ => set_file(&mut file, arg)?,
                    }
                }
                let file = file.ok_or_else(|| "export: missing FILE".to_owned())?;
                Ok(Command::Export { file, format: format.unwrap_or(Format::Csv), output })
            }
            other => Err(format!("unknown command \"{other}\", expected check or export")),
        }
    }

    /// `-` alone is not an option, but nothing here reads stdin either, so
    /// every argument starting with `-` is one.
    fn is_option(arg: &str) -> bool {
        arg.starts_with('-') && arg.len() > 1
    }

    fn unknown_option(arg: &str) -> String {
        format!("unknown option \"{arg}\"")
    }

    fn set_file(file: &mut Option<PathBuf>, arg: &OsString) -> Result<(), String> {
        if file.is_some() {
            return Err(format!("unexpected argument \"{}\", only one FILE", arg.to_string_lossy()));
        }
        *file = Some(PathBuf::from(arg));
        Ok(())
    }

    fn option_value<'a>(
        name: &str,
        inline: Option<OsString>,
        rest: &mut impl Iterator<Item = &'a OsString>,
    ) -> Result<OsString, String> {
        match inline {
            Some(value) => Ok(value),
            None => rest.next().cloned().ok_or_else(|| format!("{name} needs a value")),
        }
    }

    /// Reads and validates FILE; on failure prints every error as
    /// `FILE: path: message` to stderr.
    fn load(file: &Path) -> Result<Bundle, Failure> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| Failure::Io(format!("cannot read {}: {e}", file.display())))?;
        match facts::parse_json(&text) {
            Ok(bundle) => Ok(bundle),
            Err(errors) => {
                for error in &errors.0 {
                    print_error(file, error);
                }
                Err(Failure::Invalid)
            }
        }
    }

    fn print_error(file: &Path, error: &BundleError) {
        eprintln!("{}: {error}", file.display());
    }

    fn warning_line(file: &Path, warning: &BundleError) -> String {
        format!("warning: {}: {warning}\n", file.display())
    }

    /// The summary line, then the warnings: all on stdout, as the report.
    fn check(file: &Path) -> Result<(), Failure> {
        let bundle = load(file)?;
        let disagreements = bundle.facts.iter().filter(|f| f.disagreement.is_some()).count()
            + bundle.dates.iter().filter(|d| d.disagreement.is_some()).count();
        let mut report = format!(
            "{}: ok, {}, {}, {}, {}, {}\n",
            file.display(),
            bundle.operation.name,
            count(bundle.facts.len(), "figure", "figures"),
            count(bundle.dates.len(), "date", "dates"),
            count(bundle.sources.len(), "source", "sources"),
            count(disagreements, "disagreement", "disagreements"),
        );
        for warning in &bundle.warnings {
            report.push_str(&warning_line(file, warning));
        }
        write_stdout(report.as_bytes())
    }

    fn count(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// The table on stdout (or in a file); warnings on stderr, so the data
    /// stays clean.
    fn export(file: &Path, format: Format, output: Option<&Path>) -> Result<(), Failure> {
        let bundle = load(file)?;
        for warning in &bundle.warnings {
            eprint!("{}", warning_line(file, warning));
        }
        let text = match format {
            Format::Csv => export::csv(&bundle),
            Format::Json => export::json(&bundle),
        };
        match output {
            Some(path) => std::fs::write(path, text)
                .map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display()))),
            None => write_stdout(text.as_bytes()),
        }
    }

    /// Writes to stdout; a closed pipe (`| head`) is not an error worth a
    /// panic, so it ends quietly like other command-line tools.
    fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
        let mut stdout = std::io::stdout().lock();
        match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(Failure::Io(format!("cannot write to stdout: {e}"))),
        }
    }
}
