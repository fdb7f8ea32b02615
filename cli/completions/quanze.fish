# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_quanze_global_optspecs
    string join \n registry= cache= color= unverified jobs= h/help V/version
end

function __fish_quanze_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_quanze_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_quanze_using_subcommand
    set -l cmd (__fish_quanze_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c quanze -n "__fish_quanze_needs_command" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_needs_command" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_needs_command" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_needs_command" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_needs_command" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_needs_command" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_needs_command" -s V -l version -d 'Print version'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "completions" -d 'Print the shell completion script for SHELL'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "check" -d 'Check the registry (or one authority\'s list) and list every problem'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "stats" -d 'Count a list\'s items and units by category, with the indicators and case totals, in the official phrasing'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "show" -d 'Show one item in full'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "log" -d 'List the change log: every version with its date, decisions and operations'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "history" -d 'Show every version of one item, with the deciding documents'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "resolve" -d 'Follow merges, splits and recodes from a code to the codes in force'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "diff" -d 'What changed between two states of a list, on whose decision'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "changes" -d 'Units added, removed and changed (with the columns) in every list'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "prune-cache" -d 'Remove from the --cache directory what the registry no longer needs'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "audit" -d 'Run every audit check; exit 1 when any finding is an error'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "crosswalk" -d 'Old code → new codes between two versions, with the event and deciding documents'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "compare" -d 'Compare two authorities\' lists: what one has and the other lacks'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "publish" -d 'Publish the list as catalogues: HTML, Markdown, CSV, JSON (and XLSX with the `xlsx` feature), byte-identical for the same registry state'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "export" -d 'Export the items of every list (or one) as JSON Lines, one item per line with its authority and version, for DuckDB, Spark and the like'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "verify-catalogue" -d 'Tell whether a published JSON catalogue matches the registry at its version'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "apply" -d 'Apply an operations file: record it as a new change-log entry and update the list files'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "adjust" -d 'Record the difference between the edited list files and the head of the change log'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "import" -d 'Import a list from spreadsheets (XLSX, CSV in UTF-8 or GBK) or quanze\'s own catalogues'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "diff-files" -d 'Compare two spreadsheets or published catalogues without a registry'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "law" -d 'Record a law\'s enactment, amendment or repeal in the laws log'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "impact" -d 'Every item, in every list, that cites a law, and what the law\'s latest event means for it'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "pending" -d 'Effects of upstream changes (laws amended or repealed, parent items changed) on the lists below, with their deadlines in working days'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "align" -d 'Every child list of a parent list side by side: which parent items each claims, and where names, bases, categories and limits deviate'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "schema" -d 'Print the JSON Schema of a registry file kind'
complete -c quanze -n "__fish_quanze_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c quanze -n "__fish_quanze_using_subcommand completions" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand completions" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand completions" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand completions" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand completions" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand completions" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand man" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand man" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand man" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand man" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand man" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand man" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand check" -l as-of -d 'Check agreement cover up to this date (default: today)' -r
complete -c quanze -n "__fish_quanze_using_subcommand check" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand check" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand check" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand check" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand check" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c quanze -n "__fish_quanze_using_subcommand stats" -l as-of -d 'Count what is in force on this date (default: today, or the version\'s date with --at)' -r
complete -c quanze -n "__fish_quanze_using_subcommand stats" -l at -d 'Count the list as it was at this version (from the change log)' -r
complete -c quanze -n "__fish_quanze_using_subcommand stats" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand stats" -l lang -d 'Language of the text output' -r -f -a "zh\t''
en\t''"
complete -c quanze -n "__fish_quanze_using_subcommand stats" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand stats" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand stats" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand stats" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand stats" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand stats" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand show" -l as-of -d 'Show the item as it was on this date (default: today)' -r
complete -c quanze -n "__fish_quanze_using_subcommand show" -l at -d 'Show the item as it was at this version (from the change log)' -r
complete -c quanze -n "__fish_quanze_using_subcommand show" -l lang -d 'Language of the labels' -r -f -a "zh\t''
en\t''"
complete -c quanze -n "__fish_quanze_using_subcommand show" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand show" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand show" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand show" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand show" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand show" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand log" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand log" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand log" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand log" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand log" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand log" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand log" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand history" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand history" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand history" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand history" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand history" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand history" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand history" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand resolve" -l at -d 'Resolve as of this version instead of the head' -r
complete -c quanze -n "__fish_quanze_using_subcommand resolve" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand resolve" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand resolve" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand resolve" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand resolve" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand resolve" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand diff" -l format -d 'Output format' -r -f -a "text\t''
md\t''
html\t''
csv\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand diff" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand diff" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand diff" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand diff" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand diff" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c quanze -n "__fish_quanze_using_subcommand changes" -l authority -d 'Only this authority\'s list' -r
complete -c quanze -n "__fish_quanze_using_subcommand changes" -l format -d 'Output format' -r -f -a "text\t''
csv\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand changes" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand changes" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand changes" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand changes" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand changes" -l summary -d 'Text: one line per list and the total, without the units'
complete -c quanze -n "__fish_quanze_using_subcommand changes" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand changes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c quanze -n "__fish_quanze_using_subcommand prune-cache" -l keep-days -d 'Keep check records and checkpoints used within this many days' -r
complete -c quanze -n "__fish_quanze_using_subcommand prune-cache" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand prune-cache" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand prune-cache" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand prune-cache" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand prune-cache" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand prune-cache" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c quanze -n "__fish_quanze_using_subcommand audit" -l from -d 'The first version (or date) to audit (default: the first)' -r
complete -c quanze -n "__fish_quanze_using_subcommand audit" -l to -d 'The last version (or date) to audit (default: the list files)' -r
complete -c quanze -n "__fish_quanze_using_subcommand audit" -l as-of -d 'Judge agreements on this date (default: today)' -r
complete -c quanze -n "__fish_quanze_using_subcommand audit" -l expiring-within -d 'Warn about agreements ending within this many days' -r
complete -c quanze -n "__fish_quanze_using_subcommand audit" -l format -d 'Output format' -r -f -a "text\t''
md\t''
html\t''
csv\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand audit" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand audit" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand audit" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand audit" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand audit" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand audit" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand crosswalk" -l format -d 'Output format (text shows changed codes only)' -r -f -a "text\t''
md\t''
html\t''
csv\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand crosswalk" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand crosswalk" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand crosswalk" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand crosswalk" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand crosswalk" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand crosswalk" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand compare" -l other-registry -d 'Read the second authority from this registry (default: the same)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand compare" -l as-of -d 'Compare what is in force on this date (default: today)' -r
complete -c quanze -n "__fish_quanze_using_subcommand compare" -l format -d 'Output format' -r -f -a "text\t''
md\t''
html\t''
csv\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand compare" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand compare" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand compare" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand compare" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand compare" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand compare" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand publish" -l at -d 'Publish this version (default: the latest, or the one in force on --as-of)' -r
complete -c quanze -n "__fish_quanze_using_subcommand publish" -l as-of -d 'Count what is in force on this date (default: the version\'s date)' -r
complete -c quanze -n "__fish_quanze_using_subcommand publish" -l format -d 'Formats, comma-separated (html, md, csv, json, and xlsx in a build with the `xlsx` feature); default: all built in' -r -f -a "html\t''
md\t''
csv\t''
json\t''
xlsx\t''"
complete -c quanze -n "__fish_quanze_using_subcommand publish" -l out -d 'The directory to write into (created if missing)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand publish" -l lang -d 'Language of labels and headings' -r -f -a "zh\t''
en\t''"
complete -c quanze -n "__fish_quanze_using_subcommand publish" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand publish" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand publish" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand publish" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand publish" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand publish" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand export" -l as-of -d 'Export what is in force on this date (default: every record of the head)' -r
complete -c quanze -n "__fish_quanze_using_subcommand export" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand export" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand export" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand export" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand export" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand export" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand verify-catalogue" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand verify-catalogue" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand verify-catalogue" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand verify-catalogue" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand verify-catalogue" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand verify-catalogue" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand apply" -l hash -d 'Hash algorithm of the new link' -r -f -a "sha256\t''
sm3\t''"
complete -c quanze -n "__fish_quanze_using_subcommand apply" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand apply" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand apply" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand apply" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand apply" -l dry-run -d 'Show the entry and the bump it needs; write nothing'
complete -c quanze -n "__fish_quanze_using_subcommand apply" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand apply" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l version -d 'The new version' -r
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l date -d 'The date the adjustment takes effect' -r
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l decided-by -d 'The number of a deciding document in documents.toml (repeatable)' -r
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l reason -d 'Why' -r
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l ops -d 'Operations to apply before the inferred ones (merges, splits, recodes): a file with [[op]] tables' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l answers -d 'An upstream event the adjustment answers (repeatable), as `quanze pending` names it: `laws@VERSION` or `PARENT@VERSION`' -r
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l hash -d 'Hash algorithm of the new link' -r -f -a "sha256\t''
sm3\t''"
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l dry-run -d 'Show the entry and the bump it needs; write nothing'
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand adjust" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand import" -l authority -d 'The id of the list\'s holder (its directory in the registry)' -r
complete -c quanze -n "__fish_quanze_using_subcommand import" -l name -d 'The holder\'s official name, for a holder authorities.toml does not name (it is also the body of items whose sheet names none)' -r
complete -c quanze -n "__fish_quanze_using_subcommand import" -l effective -d 'The day from which imported items are in force (default: today)' -r
complete -c quanze -n "__fish_quanze_using_subcommand import" -l map -d 'A mapping file for layouts import does not recognise (header row, columns, category): see docs/importing.md' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand import" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand import" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand import" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand import" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand import" -l keep-going -d 'Import the rows that can be imported and report the others'
complete -c quanze -n "__fish_quanze_using_subcommand import" -l dry-run -d 'Show what would be imported; write nothing'
complete -c quanze -n "__fish_quanze_using_subcommand import" -l json -d 'Print the report as JSON (what was read, which column went where, what was rejected, and what check says of the result)'
complete -c quanze -n "__fish_quanze_using_subcommand import" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c quanze -n "__fish_quanze_using_subcommand diff-files" -l map -d 'A mapping file for both (see `quanze import --map`)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand diff-files" -l as-of -d 'The date both lists are read as in force on (default: today); the comparison is titled with it' -r
complete -c quanze -n "__fish_quanze_using_subcommand diff-files" -l format -d 'Output format' -r -f -a "text\t''
md\t''
html\t''
csv\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand diff-files" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand diff-files" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand diff-files" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand diff-files" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand diff-files" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand diff-files" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -f -a "enact" -d 'A new law enters the laws file (its first version)'
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -f -a "amend" -d 'A new version of a law: amended (修订/修正) by the deciding document'
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -f -a "repeal" -d 'A law is repealed (废止) by the deciding document'
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -f -a "apply" -d 'Record a laws operations file (date, [[decided_by]], [[event]])'
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -f -a "list" -d 'List the laws with their versions and status on a date'
complete -c quanze -n "__fish_quanze_using_subcommand law; and not __fish_seen_subcommand_from enact amend repeal apply list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l title -d 'Its title, without book-title marks' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l level -d 'Its level: law, administrative-regulation, state-council-decision, departmental-rule, local-regulation, local-rule, normative-document' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l issuer -d 'The body that made it' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l number -d 'The document number that promulgated it' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l promulgated -d 'Day of promulgation' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l effective -d 'First day in force' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l article -d 'An article it has (repeatable): bases may then cite only these' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l date -d 'The entry\'s date (the day the event is recorded)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l decided-by -d 'The number of the deciding document in documents.toml (repeatable; the first is the amending or repealing document)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l version -d 'The new version of the laws (default: the bump the event requires)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l reason -d 'Why' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l reconstructed -d 'The record is plausible, not verified'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l dry-run -d 'Show the entry; write nothing'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from enact" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l effective -d 'First day the amended text is in force (default: --date)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l title -d 'The new title, when the amendment renames it' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l article -d 'The articles after the amendment (repeatable; replaces the list)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l note -d 'What changed' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l date -d 'The entry\'s date (the day the event is recorded)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l decided-by -d 'The number of the deciding document in documents.toml (repeatable; the first is the amending or repealing document)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l version -d 'The new version of the laws (default: the bump the event requires)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l reason -d 'Why' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l dry-run -d 'Show the entry; write nothing'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from amend" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l effective -d 'The first day it is no longer in force (default: --date)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l replaced-by -d 'The law that replaces it (an id)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l date -d 'The entry\'s date (the day the event is recorded)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l decided-by -d 'The number of the deciding document in documents.toml (repeatable; the first is the amending or repealing document)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l version -d 'The new version of the laws (default: the bump the event requires)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l reason -d 'Why' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l dry-run -d 'Show the entry; write nothing'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from repeal" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from apply" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from apply" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from apply" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from apply" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from apply" -l dry-run -d 'Show the entry; write nothing'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from apply" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from list" -l as-of -d 'The date (default: today; the output says which)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from list" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from list" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from list" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from list" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from list" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from help" -f -a "enact" -d 'A new law enters the laws file (its first version)'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from help" -f -a "amend" -d 'A new version of a law: amended (修订/修正) by the deciding document'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from help" -f -a "repeal" -d 'A law is repealed (废止) by the deciding document'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Record a laws operations file (date, [[decided_by]], [[event]])'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the laws with their versions and status on a date'
complete -c quanze -n "__fish_quanze_using_subcommand law; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c quanze -n "__fish_quanze_using_subcommand impact" -l article -d 'Only the items citing this article (e.g. 第二十七条)' -r
complete -c quanze -n "__fish_quanze_using_subcommand impact" -l as-of -d 'The lists as they stood on this date (default: today; the output says which)' -r
complete -c quanze -n "__fish_quanze_using_subcommand impact" -l format -d 'Output format' -r -f -a "text\t''
md\t''
html\t''
csv\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand impact" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand impact" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand impact" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand impact" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand impact" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand impact" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand pending" -l as-of -d 'Judge deadlines on this date (default: today; the output says which)' -r
complete -c quanze -n "__fish_quanze_using_subcommand pending" -l format -d 'Output format' -r -f -a "text\t''
md\t''
html\t''
csv\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand pending" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand pending" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand pending" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand pending" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand pending" -l all -d 'Also the effects already answered'
complete -c quanze -n "__fish_quanze_using_subcommand pending" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand pending" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c quanze -n "__fish_quanze_using_subcommand align" -l as-of -d 'The lists as they stood on this date (default: today; the output says which)' -r
complete -c quanze -n "__fish_quanze_using_subcommand align" -l format -d 'Output format' -r -f -a "text\t''
md\t''
html\t''
csv\t''
json\t''"
complete -c quanze -n "__fish_quanze_using_subcommand align" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand align" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand align" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand align" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand align" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand align" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand schema" -l out -d 'Write every schema into this directory instead' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand schema" -l registry -d 'The registry directory' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand schema" -l cache -d 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files\' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)' -r -F
complete -c quanze -n "__fish_quanze_using_subcommand schema" -l color -d 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c quanze -n "__fish_quanze_using_subcommand schema" -l jobs -d 'Use at most N threads, 1 to 256 (default: one per core)' -r
complete -c quanze -n "__fish_quanze_using_subcommand schema" -l unverified -d 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
complete -c quanze -n "__fish_quanze_using_subcommand schema" -s h -l help -d 'Print help'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "completions" -d 'Print the shell completion script for SHELL'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "man" -d 'Print the man page (roff)'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "check" -d 'Check the registry (or one authority\'s list) and list every problem'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "stats" -d 'Count a list\'s items and units by category, with the indicators and case totals, in the official phrasing'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "show" -d 'Show one item in full'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "log" -d 'List the change log: every version with its date, decisions and operations'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "history" -d 'Show every version of one item, with the deciding documents'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "resolve" -d 'Follow merges, splits and recodes from a code to the codes in force'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "diff" -d 'What changed between two states of a list, on whose decision'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "changes" -d 'Units added, removed and changed (with the columns) in every list'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "prune-cache" -d 'Remove from the --cache directory what the registry no longer needs'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "audit" -d 'Run every audit check; exit 1 when any finding is an error'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "crosswalk" -d 'Old code → new codes between two versions, with the event and deciding documents'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "compare" -d 'Compare two authorities\' lists: what one has and the other lacks'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "publish" -d 'Publish the list as catalogues: HTML, Markdown, CSV, JSON (and XLSX with the `xlsx` feature), byte-identical for the same registry state'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "export" -d 'Export the items of every list (or one) as JSON Lines, one item per line with its authority and version, for DuckDB, Spark and the like'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "verify-catalogue" -d 'Tell whether a published JSON catalogue matches the registry at its version'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "apply" -d 'Apply an operations file: record it as a new change-log entry and update the list files'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "adjust" -d 'Record the difference between the edited list files and the head of the change log'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "import" -d 'Import a list from spreadsheets (XLSX, CSV in UTF-8 or GBK) or quanze\'s own catalogues'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "diff-files" -d 'Compare two spreadsheets or published catalogues without a registry'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "law" -d 'Record a law\'s enactment, amendment or repeal in the laws log'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "impact" -d 'Every item, in every list, that cites a law, and what the law\'s latest event means for it'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "pending" -d 'Effects of upstream changes (laws amended or repealed, parent items changed) on the lists below, with their deadlines in working days'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "align" -d 'Every child list of a parent list side by side: which parent items each claims, and where names, bases, categories and limits deviate'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "schema" -d 'Print the JSON Schema of a registry file kind'
complete -c quanze -n "__fish_quanze_using_subcommand help; and not __fish_seen_subcommand_from completions man check stats show log history resolve diff changes prune-cache audit crosswalk compare publish export verify-catalogue apply adjust import diff-files law impact pending align schema help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c quanze -n "__fish_quanze_using_subcommand help; and __fish_seen_subcommand_from law" -f -a "enact" -d 'A new law enters the laws file (its first version)'
complete -c quanze -n "__fish_quanze_using_subcommand help; and __fish_seen_subcommand_from law" -f -a "amend" -d 'A new version of a law: amended (修订/修正) by the deciding document'
complete -c quanze -n "__fish_quanze_using_subcommand help; and __fish_seen_subcommand_from law" -f -a "repeal" -d 'A law is repealed (废止) by the deciding document'
complete -c quanze -n "__fish_quanze_using_subcommand help; and __fish_seen_subcommand_from law" -f -a "apply" -d 'Record a laws operations file (date, [[decided_by]], [[event]])'
complete -c quanze -n "__fish_quanze_using_subcommand help; and __fish_seen_subcommand_from law" -f -a "list" -d 'List the laws with their versions and status on a date'
