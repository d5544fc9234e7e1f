//! `spector-facts`: check a facts bundle, export its figures as CSV or
//! JSON for a newsroom's spreadsheet, or render the static version of the
//! widget (HTML fallback, SVG map, PNG share image).
//!
//! Exit status: 0 done (warnings included), 1 the bundle is invalid, 2 a
//! usage error or a file that cannot be read or written.
//!
//! Native only: `wasm-pack test` also compiles binaries for wasm32, where
//! resvg (a native-only dependency, for `render --format png`) does not
//! exist, so there this is an empty program.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use spector_widget::export;
    use spector_widget::facts::{self, Bundle, BundleError, Problem};
    use spector_widget::geo::World;
    use spector_widget::i18n::{Lang, Locale};
    use spector_widget::static_page;
    use std::ffi::OsString;
    use std::io::{IsTerminal, Write};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    const USAGE: &str = "\
spector-facts: check a facts bundle, export its figures, or render it

Usage:
  spector-facts check FILE
  spector-facts export FILE [--format csv|json] [-o PATH]
  spector-facts render FILE [--format html|svg|png] [--lang L] [--width W]
                            [--page] [--id-prefix P] [-o PATH]
  spector-facts --help
  spector-facts --version

Commands:
  check     Validate FILE; print a summary, or every error found with its
            JSON path: shape errors first, then, once the shape is right,
            errors of content.
  export    Write one row per figure as CSV (default) or JSON to stdout,
            or to PATH with -o.
  render    Write the static version of the widget, made by the same Rust
            renderer: html (default) is fallback content to paste inside
            <spector-widget>...</spector-widget> for readers without
            JavaScript; svg is the map alone as a standalone file; png is
            that SVG as a share image, drawn with the bundled font.

Options:
  -f, --format FORMAT     export: csv (default) or json;
                          render: html (default), svg or png.
  -o, --output PATH       Write to PATH instead of stdout.
      --lang L            render: language: en (default), de, fr, nl, es,
                          pt-BR or pl (de-AT is de, pt is pt-BR); any other
                          falls back to English with a note.
      --width W           render: width in px (default 640 for html and svg,
                          1200 for png; 160 to 4096).
      --page              render --format html: a complete HTML5 document
                          instead of a fragment.
      --id-prefix P       render --format html: start the fragment's ids with
                          P (P-src-1 for source 1, P-map-t, P-map-d) instead
                          of sw- and the bundle's operation id; a letter, then
                          letters, digits, - or _. Give each fallback of the
                          same bundle on one page its own, or its [1] links
                          lead to the first one's sources.
  -h, --help              Print this help.
  -V, --version           Print the version; alone, with no command or FILE.

Exit status: 0 ok (warnings are printed but do not fail), 1 invalid bundle,
2 usage error or a file that cannot be read or written.
";

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Format {
        Csv,
        Json,
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum RenderFormat {
        Html,
        Svg,
        Png,
    }

    /// What `render` is asked for.
    #[derive(Debug)]
    struct RenderArgs {
        file: PathBuf,
        format: RenderFormat,
        lang: String,
        width: u32,
        page: bool,
        /// The fragment's id prefix, when not the bundle's default.
        id_prefix: Option<String>,
        output: Option<PathBuf>,
    }

    /// What the command line asks for.
    #[derive(Debug)]
    enum Command {
        Help,
        Version,
        Check {
            file: PathBuf,
        },
        Export {
            file: PathBuf,
            format: Format,
            output: Option<PathBuf>,
        },
        Render(RenderArgs),
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
            Ok(Command::Version) => write_stdout(concat!("spector-facts ", env!("CARGO_PKG_VERSION"), "\n").as_bytes()),
            Ok(Command::Check { file }) => check(&file),
            Ok(Command::Export { file, format, output }) => export(&file, format, output.as_deref()),
            Ok(Command::Render(args)) => render(&args),
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
            return Err("missing command (check, export or render)".to_owned());
        };
        let command = command.to_string_lossy();
        match command.as_ref() {
            "-h" | "--help" | "help" => Ok(Command::Help),
            // Alone, as `--help` need not be: what would the other
            // arguments mean?
            "-V" | "--version" => match rest.next() {
                None => Ok(Command::Version),
                Some(extra) => Err(format!(
                    "{command} takes no arguments, got \"{}\"",
                    extra.to_string_lossy()
                )),
            },
            "check" => {
                let mut file = None;
                for arg in rest.by_ref() {
                    match arg.to_str() {
                        Some("-h" | "--help") => return Ok(Command::Help),
                        Some(s @ ("-V" | "--version")) => return Err(version_alone("check", s)),
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
                    let (name, inline) = split_option(arg);
                    match name {
                        "-h" | "--help" => return Ok(Command::Help),
                        "-V" | "--version" => return Err(version_alone("export", name)),
                        "-f" | "--format" => {
                            let value = option_value(name, inline, &mut rest)?;
                            let parsed =
                                choice(&value, &[("csv", Format::Csv), ("json", Format::Json)], "csv or json")?;
                            set_once(&mut format, parsed, "export", name)?;
                        }
                        "-o" | "--output" => {
                            let value = option_value(name, inline, &mut rest)?;
                            set_once(&mut output, output_path(value, "export", name)?, "export", name)?;
                        }
                        s if is_option(s) => return Err(unknown_option(s)),
                        _ => set_file(&mut file, arg)?,
                    }
                }
                let file = file.ok_or_else(|| "export: missing FILE".to_owned())?;
                Ok(Command::Export {
                    file,
                    format: format.unwrap_or(Format::Csv),
                    output,
                })
            }
            "render" => parse_render(rest),
            other => Err(format!("unknown command \"{other}\", expected check, export or render")),
        }
    }

    fn parse_render<'a>(mut rest: impl Iterator<Item = &'a OsString>) -> Result<Command, String> {
        let mut file = None;
        let mut format = None;
        let mut lang = None;
        let mut width = None;
        let mut page = false;
        let mut id_prefix = None;
        let mut output = None;
        while let Some(arg) = rest.next() {
            let (name, inline) = split_option(arg);
            match name {
                "-h" | "--help" => return Ok(Command::Help),
                "-V" | "--version" => return Err(version_alone("render", name)),
                "-f" | "--format" => {
                    let value = option_value(name, inline, &mut rest)?;
                    let choices = [
                        ("html", RenderFormat::Html),
                        ("svg", RenderFormat::Svg),
                        ("png", RenderFormat::Png),
                    ];
                    set_once(
                        &mut format,
                        choice(&value, &choices, "html, svg or png")?,
                        "render",
                        name,
                    )?;
                }
                "--lang" => {
                    let value = option_value(name, inline, &mut rest)?;
                    let value = value.to_str().map(str::trim).unwrap_or("").to_owned();
                    if value.is_empty() {
                        return Err(format!("render: {name} needs a language tag, e.g. en"));
                    }
                    set_once(&mut lang, value, "render", name)?;
                }
                "--width" => {
                    let value = option_value(name, inline, &mut rest)?;
                    let parsed = value
                        .to_str()
                        .and_then(|v| v.parse::<u32>().ok())
                        .filter(|w| (static_page::MIN_WIDTH..=static_page::MAX_WIDTH).contains(w))
                        .ok_or_else(|| {
                            format!(
                                "render: {name} must be a whole number of px from {} to {}, not \"{}\"",
                                static_page::MIN_WIDTH,
                                static_page::MAX_WIDTH,
                                value.to_string_lossy()
                            )
                        })?;
                    set_once(&mut width, parsed, "render", name)?;
                }
                "--page" => {
                    if inline.is_some() {
                        return Err("render: --page takes no value".to_owned());
                    }
                    page = true;
                }
                "--id-prefix" => {
                    let value = option_value(name, inline, &mut rest)?;
                    // Refused, not cleaned up: a changed prefix would
                    // silently differ from the one the page's author chose.
                    let prefix = value.to_str().filter(|p| static_page::is_id_prefix(p)).ok_or_else(|| {
                        format!(
                            "render: {name} must be a letter, then letters, digits, - or _, not \"{}\"",
                            value.to_string_lossy()
                        )
                    })?;
                    set_once(&mut id_prefix, prefix.to_owned(), "render", name)?;
                }
                "-o" | "--output" => {
                    let value = option_value(name, inline, &mut rest)?;
                    set_once(&mut output, output_path(value, "render", name)?, "render", name)?;
                }
                s if is_option(s) => return Err(unknown_option(s)),
                _ => set_file(&mut file, arg)?,
            }
        }
        let file = file.ok_or_else(|| "render: missing FILE".to_owned())?;
        let format = format.unwrap_or(RenderFormat::Html);
        if page && format != RenderFormat::Html {
            return Err("render: --page goes with --format html only".to_owned());
        }
        if id_prefix.is_some() && format != RenderFormat::Html {
            return Err("render: --id-prefix goes with --format html only".to_owned());
        }
        let width = width.unwrap_or(match format {
            RenderFormat::Png => static_page::DEFAULT_PNG_WIDTH,
            RenderFormat::Html | RenderFormat::Svg => static_page::DEFAULT_WIDTH,
        });
        let lang = lang.unwrap_or_else(|| "en".to_owned());
        Ok(Command::Render(RenderArgs {
            file,
            format,
            lang,
            width,
            page,
            id_prefix,
            output,
        }))
    }

    /// `-` alone is not an option, but nothing here reads stdin either, so
    /// every argument starting with `-` is one.
    /// `--name=value` as (`--name`, `value`); anything else as (arg, None).
    fn split_option(arg: &OsString) -> (&str, Option<OsString>) {
        let text = arg.to_str().unwrap_or("");
        match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(OsString::from(value))),
            _ => (text, None),
        }
    }

    /// One of a fixed set of values, e.g. a format.
    fn choice<T: Copy>(value: &OsString, choices: &[(&str, T)], expected: &str) -> Result<T, String> {
        let text = value.to_str().unwrap_or("");
        choices
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, v)| *v)
            .ok_or_else(|| format!("unknown format \"{}\", expected {expected}", value.to_string_lossy()))
    }

    /// Sets an option that may be given once.
    fn set_once<T>(slot: &mut Option<T>, value: T, command: &str, name: &str) -> Result<(), String> {
        match slot.replace(value) {
            Some(_) => Err(format!("{command}: {name} given twice")),
            None => Ok(()),
        }
    }

    /// The path after `-o`, which may not be empty.
    fn output_path(value: OsString, command: &str, name: &str) -> Result<PathBuf, String> {
        if value.is_empty() {
            return Err(format!("{command}: {name} needs a path"));
        }
        Ok(PathBuf::from(value))
    }

    fn is_option(arg: &str) -> bool {
        arg.starts_with('-') && arg.len() > 1
    }

    /// `--version` (or `-V`) after a command: the tool's version is not
    /// the command's, so it is asked for on its own.
    fn version_alone(command: &str, flag: &str) -> String {
        format!("{command}: {flag} is not an option of {command}; run spector-facts {flag} on its own")
    }

    fn unknown_option(arg: &str) -> String {
        format!("unknown option \"{arg}\"")
    }

    fn set_file(file: &mut Option<PathBuf>, arg: &OsString) -> Result<(), String> {
        if file.is_some() {
            return Err(format!(
                "unexpected argument \"{}\", only one FILE",
                arg.to_string_lossy()
            ));
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
    /// `FILE: path: message` to stderr. It reads the file's bytes with
    /// `facts::parse_bytes`, as the widget reads a `src`, so a newsroom
    /// sees the widget's words for every problem, all of them, not serde's
    /// first, bytes that are not UTF-8 included.
    fn load(file: &Path) -> Result<Bundle, Failure> {
        let bytes = std::fs::read(file).map_err(|e| Failure::Io(format!("cannot read {}: {e}", file.display())))?;
        match facts::parse_bytes(&bytes) {
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

    /// What the author should see: the bundle's warnings, which the
    /// widget shows its readers too, then the hints only the author can
    /// act on (a metric one letter from a known one, say).
    fn warnings(bundle: &Bundle) -> Vec<Problem> {
        let mut all = bundle.warnings.clone();
        all.extend(facts::validate::hints(bundle));
        all
    }

    fn warning_line(file: &Path, warning: &Problem) -> String {
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
            echoed(&bundle.operation.name),
            count(bundle.facts.len(), "figure", "figures"),
            count(bundle.dates.len(), "date", "dates"),
            count(bundle.sources.len(), "source", "sources"),
            count(disagreements, "disagreement", "disagreements"),
        );
        for warning in &warnings(&bundle) {
            report.push_str(&warning_line(file, warning));
        }
        write_stdout(report.as_bytes())
    }

    /// Bundle text as the error lines show it: escaped and cut at 80
    /// characters, so a name holding line breaks or bidirectional
    /// overrides cannot forge or reorder the report's lines.
    fn echoed(text: &str) -> String {
        let mut out = String::new();
        facts::error::push_shortened(&mut out, text);
        out
    }

    fn count(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }

    /// The table on stdout (or in a file); warnings on stderr, so the data
    /// stays clean.
    fn export(file: &Path, format: Format, output: Option<&Path>) -> Result<(), Failure> {
        let bundle = load(file)?;
        for warning in &warnings(&bundle) {
            eprint!("{}", warning_line(file, warning));
        }
        let text = match format {
            Format::Csv => export::csv(&bundle),
            Format::Json => export::json(&bundle),
        };
        match output {
            Some(path) => {
                std::fs::write(path, text).map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))
            }
            None => write_stdout(text.as_bytes()),
        }
    }

    /// The static version: HTML, SVG or PNG, to stdout or a file. Warnings
    /// and notes go to stderr.
    fn render(args: &RenderArgs) -> Result<(), Failure> {
        let bundle = load(&args.file)?;
        for warning in &warnings(&bundle) {
            eprint!("{}", warning_line(&args.file, warning));
        }
        let lang = Lang::from_tag(&args.lang).unwrap_or_else(|| {
            eprintln!(
                "spector-facts: note: no translation for \"{}\" (languages: en, de, fr, nl, es, pt-BR, pl); rendering in English",
                args.lang
            );
            Lang::En
        });
        let t = Locale::get(lang);
        let world = World::embedded().map_err(|e| Failure::Io(format!("cannot decode the embedded map: {e:?}")))?;
        let ids = args
            .id_prefix
            .clone()
            .unwrap_or_else(|| static_page::id_prefix(&bundle));
        let bytes = match (args.format, args.page) {
            (RenderFormat::Html, false) => {
                static_page::html_fragment_with_ids(&bundle, &world, args.width, t, &ids).into_bytes()
            }
            (RenderFormat::Html, true) => {
                static_page::html_page_with_ids(&bundle, &world, args.width, t, &ids).into_bytes()
            }
            (RenderFormat::Svg, _) => static_page::svg_document_in(&bundle, &world, args.width, t).into_bytes(),
            (RenderFormat::Png, _) => {
                if args.output.is_none() && std::io::stdout().is_terminal() {
                    return Err(Failure::Usage(
                        "render: a PNG is not for a terminal; give -o PATH or redirect".to_owned(),
                    ));
                }
                let svg = static_page::svg_document_in(&bundle, &world, args.width, t);
                png::rasterize(&svg).map_err(|e| Failure::Io(format!("cannot draw the PNG: {e}")))?
            }
        };
        match &args.output {
            Some(path) => {
                std::fs::write(path, bytes).map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))
            }
            None => write_stdout(&bytes),
        }
    }

    /// SVG to PNG with resvg, text drawn only with the fonts compiled in
    /// (never the machine's), so the image is the same everywhere.
    mod png {
        use resvg::{tiny_skia, usvg};
        use std::sync::Arc;

        static REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
        static BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");

        pub fn rasterize(svg: &str) -> Result<Vec<u8>, String> {
            let mut fonts = usvg::fontdb::Database::new();
            fonts.load_font_source(usvg::fontdb::Source::Binary(Arc::new(REGULAR)));
            fonts.load_font_source(usvg::fontdb::Source::Binary(Arc::new(BOLD)));
            let family = spector_widget::static_page::FONT_FAMILY;
            fonts.set_sans_serif_family(family);
            fonts.set_serif_family(family);
            fonts.set_monospace_family(family);
            fonts.set_cursive_family(family);
            fonts.set_fantasy_family(family);
            let options = usvg::Options {
                font_family: family.to_owned(),
                fontdb: Arc::new(fonts),
                ..usvg::Options::default()
            };
            let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
            let size = tree.size().to_int_size();
            let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
                .ok_or_else(|| format!("cannot make a {}×{} image", size.width(), size.height()))?;
            resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
            pixmap.encode_png().map_err(|e| e.to_string())
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
