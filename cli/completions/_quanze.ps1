
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'quanze' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'quanze'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'quanze' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for SHELL')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the registry (or one authority''s list) and list every problem')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count a list''s items and units by category, with the indicators and case totals, in the official phrasing')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one item in full')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'List the change log: every version with its date, decisions and operations')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show every version of one item, with the deciding documents')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Follow merges, splits and recodes from a code to the codes in force')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two states of a list, on whose decision')
            [CompletionResult]::new('changes', 'changes', [CompletionResultType]::ParameterValue, 'Units added, removed and changed (with the columns) in every list')
            [CompletionResult]::new('prune-cache', 'prune-cache', [CompletionResultType]::ParameterValue, 'Remove from the --cache directory what the registry no longer needs')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Run every audit check; exit 1 when any finding is an error')
            [CompletionResult]::new('crosswalk', 'crosswalk', [CompletionResultType]::ParameterValue, 'Old code → new codes between two versions, with the event and deciding documents')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Compare two authorities'' lists: what one has and the other lacks')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Publish the list as catalogues: HTML, Markdown, CSV, JSON (and XLSX with the `xlsx` feature), byte-identical for the same registry state')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export the items of every list (or one) as JSON Lines, one item per line with its authority and version, for DuckDB, Spark and the like')
            [CompletionResult]::new('verify-catalogue', 'verify-catalogue', [CompletionResultType]::ParameterValue, 'Tell whether a published JSON catalogue matches the registry at its version')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply an operations file: record it as a new change-log entry and update the list files')
            [CompletionResult]::new('adjust', 'adjust', [CompletionResultType]::ParameterValue, 'Record the difference between the edited list files and the head of the change log')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a list from spreadsheets (XLSX, CSV in UTF-8 or GBK) or quanze''s own catalogues')
            [CompletionResult]::new('diff-files', 'diff-files', [CompletionResultType]::ParameterValue, 'Compare two spreadsheets or published catalogues without a registry')
            [CompletionResult]::new('law', 'law', [CompletionResultType]::ParameterValue, 'Record a law''s enactment, amendment or repeal in the laws log')
            [CompletionResult]::new('impact', 'impact', [CompletionResultType]::ParameterValue, 'Every item, in every list, that cites a law, and what the law''s latest event means for it')
            [CompletionResult]::new('pending', 'pending', [CompletionResultType]::ParameterValue, 'Effects of upstream changes (laws amended or repealed, parent items changed) on the lists below, with their deadlines in working days')
            [CompletionResult]::new('align', 'align', [CompletionResultType]::ParameterValue, 'Every child list of a parent list side by side: which parent items each claims, and where names, bases, categories and limits deviate')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of a registry file kind')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'quanze;completions' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;man' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;check' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Check agreement cover up to this date (default: today)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'quanze;stats' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Count what is in force on this date (default: today, or the version''s date with --at)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Count the list as it was at this version (from the change log)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the text output')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;show' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Show the item as it was on this date (default: today)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Show the item as it was at this version (from the change log)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of the labels')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;log' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;history' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;resolve' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Resolve as of this version instead of the head')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;diff' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'quanze;changes' {
            [CompletionResult]::new('--authority', '--authority', [CompletionResultType]::ParameterName, 'Only this authority''s list')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Text: one line per list and the total, without the units')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'quanze;prune-cache' {
            [CompletionResult]::new('--keep-days', '--keep-days', [CompletionResultType]::ParameterName, 'Keep check records and checkpoints used within this many days')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'quanze;audit' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The first version (or date) to audit (default: the first)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The last version (or date) to audit (default: the list files)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Judge agreements on this date (default: today)')
            [CompletionResult]::new('--expiring-within', '--expiring-within', [CompletionResultType]::ParameterName, 'Warn about agreements ending within this many days')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;crosswalk' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (text shows changed codes only)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;compare' {
            [CompletionResult]::new('--other-registry', '--other-registry', [CompletionResultType]::ParameterName, 'Read the second authority from this registry (default: the same)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Compare what is in force on this date (default: today)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;publish' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Publish this version (default: the latest, or the one in force on --as-of)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Count what is in force on this date (default: the version''s date)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Formats, comma-separated (html, md, csv, json, and xlsx in a build with the `xlsx` feature); default: all built in')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The directory to write into (created if missing)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'Language of labels and headings')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;export' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Export what is in force on this date (default: every record of the head)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;verify-catalogue' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;apply' {
            [CompletionResult]::new('--hash', '--hash', [CompletionResultType]::ParameterName, 'Hash algorithm of the new link')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the entry and the bump it needs; write nothing')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;adjust' {
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The new version')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The date the adjustment takes effect')
            [CompletionResult]::new('--decided-by', '--decided-by', [CompletionResultType]::ParameterName, 'The number of a deciding document in documents.toml (repeatable)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why')
            [CompletionResult]::new('--ops', '--ops', [CompletionResultType]::ParameterName, 'Operations to apply before the inferred ones (merges, splits, recodes): a file with [[op]] tables')
            [CompletionResult]::new('--answers', '--answers', [CompletionResultType]::ParameterName, 'An upstream event the adjustment answers (repeatable), as `quanze pending` names it: `laws@VERSION` or `PARENT@VERSION`')
            [CompletionResult]::new('--hash', '--hash', [CompletionResultType]::ParameterName, 'Hash algorithm of the new link')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the entry and the bump it needs; write nothing')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;import' {
            [CompletionResult]::new('--authority', '--authority', [CompletionResultType]::ParameterName, 'The id of the list''s holder (its directory in the registry)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The holder''s official name, for a holder authorities.toml does not name (it is also the body of items whose sheet names none)')
            [CompletionResult]::new('--effective', '--effective', [CompletionResultType]::ParameterName, 'The day from which imported items are in force (default: today)')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'A mapping file for layouts import does not recognise (header row, columns, category): see docs/importing.md')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--keep-going', '--keep-going', [CompletionResultType]::ParameterName, 'Import the rows that can be imported and report the others')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be imported; write nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the report as JSON (what was read, which column went where, what was rejected, and what check says of the result)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'quanze;diff-files' {
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'A mapping file for both (see `quanze import --map`)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The date both lists are read as in force on (default: today); the comparison is titled with it')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'quanze;law' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('enact', 'enact', [CompletionResultType]::ParameterValue, 'A new law enters the laws file (its first version)')
            [CompletionResult]::new('amend', 'amend', [CompletionResultType]::ParameterValue, 'A new version of a law: amended (修订/修正) by the deciding document')
            [CompletionResult]::new('repeal', 'repeal', [CompletionResultType]::ParameterValue, 'A law is repealed (废止) by the deciding document')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Record a laws operations file (date, [[decided_by]], [[event]])')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the laws with their versions and status on a date')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'quanze;law;enact' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Its title, without book-title marks')
            [CompletionResult]::new('--level', '--level', [CompletionResultType]::ParameterName, 'Its level: law, administrative-regulation, state-council-decision, departmental-rule, local-regulation, local-rule, normative-document')
            [CompletionResult]::new('--issuer', '--issuer', [CompletionResultType]::ParameterName, 'The body that made it')
            [CompletionResult]::new('--number', '--number', [CompletionResultType]::ParameterName, 'The document number that promulgated it')
            [CompletionResult]::new('--promulgated', '--promulgated', [CompletionResultType]::ParameterName, 'Day of promulgation')
            [CompletionResult]::new('--effective', '--effective', [CompletionResultType]::ParameterName, 'First day in force')
            [CompletionResult]::new('--article', '--article', [CompletionResultType]::ParameterName, 'An article it has (repeatable): bases may then cite only these')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The entry''s date (the day the event is recorded)')
            [CompletionResult]::new('--decided-by', '--decided-by', [CompletionResultType]::ParameterName, 'The number of the deciding document in documents.toml (repeatable; the first is the amending or repealing document)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The new version of the laws (default: the bump the event requires)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--reconstructed', '--reconstructed', [CompletionResultType]::ParameterName, 'The record is plausible, not verified')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the entry; write nothing')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;law;amend' {
            [CompletionResult]::new('--effective', '--effective', [CompletionResultType]::ParameterName, 'First day the amended text is in force (default: --date)')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'The new title, when the amendment renames it')
            [CompletionResult]::new('--article', '--article', [CompletionResultType]::ParameterName, 'The articles after the amendment (repeatable; replaces the list)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'What changed')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The entry''s date (the day the event is recorded)')
            [CompletionResult]::new('--decided-by', '--decided-by', [CompletionResultType]::ParameterName, 'The number of the deciding document in documents.toml (repeatable; the first is the amending or repealing document)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The new version of the laws (default: the bump the event requires)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the entry; write nothing')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;law;repeal' {
            [CompletionResult]::new('--effective', '--effective', [CompletionResultType]::ParameterName, 'The first day it is no longer in force (default: --date)')
            [CompletionResult]::new('--replaced-by', '--replaced-by', [CompletionResultType]::ParameterName, 'The law that replaces it (an id)')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The entry''s date (the day the event is recorded)')
            [CompletionResult]::new('--decided-by', '--decided-by', [CompletionResultType]::ParameterName, 'The number of the deciding document in documents.toml (repeatable; the first is the amending or repealing document)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The new version of the laws (default: the bump the event requires)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the entry; write nothing')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;law;apply' {
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the entry; write nothing')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;law;list' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The date (default: today; the output says which)')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;law;help' {
            [CompletionResult]::new('enact', 'enact', [CompletionResultType]::ParameterValue, 'A new law enters the laws file (its first version)')
            [CompletionResult]::new('amend', 'amend', [CompletionResultType]::ParameterValue, 'A new version of a law: amended (修订/修正) by the deciding document')
            [CompletionResult]::new('repeal', 'repeal', [CompletionResultType]::ParameterValue, 'A law is repealed (废止) by the deciding document')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Record a laws operations file (date, [[decided_by]], [[event]])')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the laws with their versions and status on a date')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'quanze;law;help;enact' {
            break
        }
        'quanze;law;help;amend' {
            break
        }
        'quanze;law;help;repeal' {
            break
        }
        'quanze;law;help;apply' {
            break
        }
        'quanze;law;help;list' {
            break
        }
        'quanze;law;help;help' {
            break
        }
        'quanze;impact' {
            [CompletionResult]::new('--article', '--article', [CompletionResultType]::ParameterName, 'Only the items citing this article (e.g. 第二十七条)')
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The lists as they stood on this date (default: today; the output says which)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;pending' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'Judge deadlines on this date (default: today; the output says which)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also the effects already answered')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'quanze;align' {
            [CompletionResult]::new('--as-of', '--as-of', [CompletionResultType]::ParameterName, 'The lists as they stood on this date (default: today; the output says which)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;schema' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write every schema into this directory instead')
            [CompletionResult]::new('--registry', '--registry', [CompletionResultType]::ParameterName, 'The registry directory')
            [CompletionResult]::new('--cache', '--cache', [CompletionResultType]::ParameterName, 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Use at most N threads, 1 to 256 (default: one per core)')
            [CompletionResult]::new('--unverified', '--unverified', [CompletionResultType]::ParameterName, 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'quanze;help' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the shell completion script for SHELL')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the registry (or one authority''s list) and list every problem')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count a list''s items and units by category, with the indicators and case totals, in the official phrasing')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one item in full')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'List the change log: every version with its date, decisions and operations')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show every version of one item, with the deciding documents')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Follow merges, splits and recodes from a code to the codes in force')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'What changed between two states of a list, on whose decision')
            [CompletionResult]::new('changes', 'changes', [CompletionResultType]::ParameterValue, 'Units added, removed and changed (with the columns) in every list')
            [CompletionResult]::new('prune-cache', 'prune-cache', [CompletionResultType]::ParameterValue, 'Remove from the --cache directory what the registry no longer needs')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Run every audit check; exit 1 when any finding is an error')
            [CompletionResult]::new('crosswalk', 'crosswalk', [CompletionResultType]::ParameterValue, 'Old code → new codes between two versions, with the event and deciding documents')
            [CompletionResult]::new('compare', 'compare', [CompletionResultType]::ParameterValue, 'Compare two authorities'' lists: what one has and the other lacks')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Publish the list as catalogues: HTML, Markdown, CSV, JSON (and XLSX with the `xlsx` feature), byte-identical for the same registry state')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export the items of every list (or one) as JSON Lines, one item per line with its authority and version, for DuckDB, Spark and the like')
            [CompletionResult]::new('verify-catalogue', 'verify-catalogue', [CompletionResultType]::ParameterValue, 'Tell whether a published JSON catalogue matches the registry at its version')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply an operations file: record it as a new change-log entry and update the list files')
            [CompletionResult]::new('adjust', 'adjust', [CompletionResultType]::ParameterValue, 'Record the difference between the edited list files and the head of the change log')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a list from spreadsheets (XLSX, CSV in UTF-8 or GBK) or quanze''s own catalogues')
            [CompletionResult]::new('diff-files', 'diff-files', [CompletionResultType]::ParameterValue, 'Compare two spreadsheets or published catalogues without a registry')
            [CompletionResult]::new('law', 'law', [CompletionResultType]::ParameterValue, 'Record a law''s enactment, amendment or repeal in the laws log')
            [CompletionResult]::new('impact', 'impact', [CompletionResultType]::ParameterValue, 'Every item, in every list, that cites a law, and what the law''s latest event means for it')
            [CompletionResult]::new('pending', 'pending', [CompletionResultType]::ParameterValue, 'Effects of upstream changes (laws amended or repealed, parent items changed) on the lists below, with their deadlines in working days')
            [CompletionResult]::new('align', 'align', [CompletionResultType]::ParameterValue, 'Every child list of a parent list side by side: which parent items each claims, and where names, bases, categories and limits deviate')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the JSON Schema of a registry file kind')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'quanze;help;completions' {
            break
        }
        'quanze;help;man' {
            break
        }
        'quanze;help;check' {
            break
        }
        'quanze;help;stats' {
            break
        }
        'quanze;help;show' {
            break
        }
        'quanze;help;log' {
            break
        }
        'quanze;help;history' {
            break
        }
        'quanze;help;resolve' {
            break
        }
        'quanze;help;diff' {
            break
        }
        'quanze;help;changes' {
            break
        }
        'quanze;help;prune-cache' {
            break
        }
        'quanze;help;audit' {
            break
        }
        'quanze;help;crosswalk' {
            break
        }
        'quanze;help;compare' {
            break
        }
        'quanze;help;publish' {
            break
        }
        'quanze;help;export' {
            break
        }
        'quanze;help;verify-catalogue' {
            break
        }
        'quanze;help;apply' {
            break
        }
        'quanze;help;adjust' {
            break
        }
        'quanze;help;import' {
            break
        }
        'quanze;help;diff-files' {
            break
        }
        'quanze;help;law' {
            [CompletionResult]::new('enact', 'enact', [CompletionResultType]::ParameterValue, 'A new law enters the laws file (its first version)')
            [CompletionResult]::new('amend', 'amend', [CompletionResultType]::ParameterValue, 'A new version of a law: amended (修订/修正) by the deciding document')
            [CompletionResult]::new('repeal', 'repeal', [CompletionResultType]::ParameterValue, 'A law is repealed (废止) by the deciding document')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Record a laws operations file (date, [[decided_by]], [[event]])')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the laws with their versions and status on a date')
            break
        }
        'quanze;help;law;enact' {
            break
        }
        'quanze;help;law;amend' {
            break
        }
        'quanze;help;law;repeal' {
            break
        }
        'quanze;help;law;apply' {
            break
        }
        'quanze;help;law;list' {
            break
        }
        'quanze;help;impact' {
            break
        }
        'quanze;help;pending' {
            break
        }
        'quanze;help;align' {
            break
        }
        'quanze;help;schema' {
            break
        }
        'quanze;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
