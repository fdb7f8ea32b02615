
use builtin;
use str;

set edit:completion:arg-completer[quanze] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'quanze'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'quanze'= {
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand completions 'Print the shell completion script for SHELL'
            cand man 'Print the man page (roff)'
            cand check 'Check the registry (or one authority''s list) and list every problem'
            cand stats 'Count a list''s items and units by category, with the indicators and case totals, in the official phrasing'
            cand show 'Show one item in full'
            cand log 'List the change log: every version with its date, decisions and operations'
            cand history 'Show every version of one item, with the deciding documents'
            cand resolve 'Follow merges, splits and recodes from a code to the codes in force'
            cand diff 'What changed between two states of a list, on whose decision'
            cand changes 'Units added, removed and changed (with the columns) in every list'
            cand prune-cache 'Remove from the --cache directory what the registry no longer needs'
            cand audit 'Run every audit check; exit 1 when any finding is an error'
            cand crosswalk 'Old code → new codes between two versions, with the event and deciding documents'
            cand compare 'Compare two authorities'' lists: what one has and the other lacks'
            cand publish 'Publish the list as catalogues: HTML, Markdown, CSV, JSON (and XLSX with the `xlsx` feature), byte-identical for the same registry state'
            cand export 'Export the items of every list (or one) as JSON Lines, one item per line with its authority and version, for DuckDB, Spark and the like'
            cand verify-catalogue 'Tell whether a published JSON catalogue matches the registry at its version'
            cand apply 'Apply an operations file: record it as a new change-log entry and update the list files'
            cand adjust 'Record the difference between the edited list files and the head of the change log'
            cand import 'Import a list from spreadsheets (XLSX, CSV in UTF-8 or GBK) or quanze''s own catalogues'
            cand diff-files 'Compare two spreadsheets or published catalogues without a registry'
            cand law 'Record a law''s enactment, amendment or repeal in the laws log'
            cand impact 'Every item, in every list, that cites a law, and what the law''s latest event means for it'
            cand pending 'Effects of upstream changes (laws amended or repealed, parent items changed) on the lists below, with their deadlines in working days'
            cand align 'Every child list of a parent list side by side: which parent items each claims, and where names, bases, categories and limits deviate'
            cand schema 'Print the JSON Schema of a registry file kind'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'quanze;completions'= {
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;man'= {
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;check'= {
            cand --as-of 'Check agreement cover up to this date (default: today)'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'quanze;stats'= {
            cand --as-of 'Count what is in force on this date (default: today, or the version''s date with --at)'
            cand --at 'Count the list as it was at this version (from the change log)'
            cand --format 'Output format'
            cand --lang 'Language of the text output'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;show'= {
            cand --as-of 'Show the item as it was on this date (default: today)'
            cand --at 'Show the item as it was at this version (from the change log)'
            cand --lang 'Language of the labels'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;log'= {
            cand --format 'Output format'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;history'= {
            cand --format 'Output format'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;resolve'= {
            cand --at 'Resolve as of this version instead of the head'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;diff'= {
            cand --format 'Output format'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'quanze;changes'= {
            cand --authority 'Only this authority''s list'
            cand --format 'Output format'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --summary 'Text: one line per list and the total, without the units'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'quanze;prune-cache'= {
            cand --keep-days 'Keep check records and checkpoints used within this many days'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'quanze;audit'= {
            cand --from 'The first version (or date) to audit (default: the first)'
            cand --to 'The last version (or date) to audit (default: the list files)'
            cand --as-of 'Judge agreements on this date (default: today)'
            cand --expiring-within 'Warn about agreements ending within this many days'
            cand --format 'Output format'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;crosswalk'= {
            cand --format 'Output format (text shows changed codes only)'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;compare'= {
            cand --other-registry 'Read the second authority from this registry (default: the same)'
            cand --as-of 'Compare what is in force on this date (default: today)'
            cand --format 'Output format'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;publish'= {
            cand --at 'Publish this version (default: the latest, or the one in force on --as-of)'
            cand --as-of 'Count what is in force on this date (default: the version''s date)'
            cand --format 'Formats, comma-separated (html, md, csv, json, and xlsx in a build with the `xlsx` feature); default: all built in'
            cand --out 'The directory to write into (created if missing)'
            cand --lang 'Language of labels and headings'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;export'= {
            cand --as-of 'Export what is in force on this date (default: every record of the head)'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;verify-catalogue'= {
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;apply'= {
            cand --hash 'Hash algorithm of the new link'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --dry-run 'Show the entry and the bump it needs; write nothing'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;adjust'= {
            cand --version 'The new version'
            cand --date 'The date the adjustment takes effect'
            cand --decided-by 'The number of a deciding document in documents.toml (repeatable)'
            cand --reason 'Why'
            cand --ops 'Operations to apply before the inferred ones (merges, splits, recodes): a file with [[op]] tables'
            cand --answers 'An upstream event the adjustment answers (repeatable), as `quanze pending` names it: `laws@VERSION` or `PARENT@VERSION`'
            cand --hash 'Hash algorithm of the new link'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --dry-run 'Show the entry and the bump it needs; write nothing'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;import'= {
            cand --authority 'The id of the list''s holder (its directory in the registry)'
            cand --name 'The holder''s official name, for a holder authorities.toml does not name (it is also the body of items whose sheet names none)'
            cand --effective 'The day from which imported items are in force (default: today)'
            cand --map 'A mapping file for layouts import does not recognise (header row, columns, category): see docs/importing.md'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --keep-going 'Import the rows that can be imported and report the others'
            cand --dry-run 'Show what would be imported; write nothing'
            cand --json 'Print the report as JSON (what was read, which column went where, what was rejected, and what check says of the result)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'quanze;diff-files'= {
            cand --map 'A mapping file for both (see `quanze import --map`)'
            cand --as-of 'The date both lists are read as in force on (default: today); the comparison is titled with it'
            cand --format 'Output format'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'quanze;law'= {
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand enact 'A new law enters the laws file (its first version)'
            cand amend 'A new version of a law: amended (修订/修正) by the deciding document'
            cand repeal 'A law is repealed (废止) by the deciding document'
            cand apply 'Record a laws operations file (date, [[decided_by]], [[event]])'
            cand list 'List the laws with their versions and status on a date'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'quanze;law;enact'= {
            cand --title 'Its title, without book-title marks'
            cand --level 'Its level: law, administrative-regulation, state-council-decision, departmental-rule, local-regulation, local-rule, normative-document'
            cand --issuer 'The body that made it'
            cand --number 'The document number that promulgated it'
            cand --promulgated 'Day of promulgation'
            cand --effective 'First day in force'
            cand --article 'An article it has (repeatable): bases may then cite only these'
            cand --date 'The entry''s date (the day the event is recorded)'
            cand --decided-by 'The number of the deciding document in documents.toml (repeatable; the first is the amending or repealing document)'
            cand --version 'The new version of the laws (default: the bump the event requires)'
            cand --reason 'Why'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --reconstructed 'The record is plausible, not verified'
            cand --dry-run 'Show the entry; write nothing'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;law;amend'= {
            cand --effective 'First day the amended text is in force (default: --date)'
            cand --title 'The new title, when the amendment renames it'
            cand --article 'The articles after the amendment (repeatable; replaces the list)'
            cand --note 'What changed'
            cand --date 'The entry''s date (the day the event is recorded)'
            cand --decided-by 'The number of the deciding document in documents.toml (repeatable; the first is the amending or repealing document)'
            cand --version 'The new version of the laws (default: the bump the event requires)'
            cand --reason 'Why'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --dry-run 'Show the entry; write nothing'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;law;repeal'= {
            cand --effective 'The first day it is no longer in force (default: --date)'
            cand --replaced-by 'The law that replaces it (an id)'
            cand --date 'The entry''s date (the day the event is recorded)'
            cand --decided-by 'The number of the deciding document in documents.toml (repeatable; the first is the amending or repealing document)'
            cand --version 'The new version of the laws (default: the bump the event requires)'
            cand --reason 'Why'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --dry-run 'Show the entry; write nothing'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;law;apply'= {
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --dry-run 'Show the entry; write nothing'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;law;list'= {
            cand --as-of 'The date (default: today; the output says which)'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;law;help'= {
            cand enact 'A new law enters the laws file (its first version)'
            cand amend 'A new version of a law: amended (修订/修正) by the deciding document'
            cand repeal 'A law is repealed (废止) by the deciding document'
            cand apply 'Record a laws operations file (date, [[decided_by]], [[event]])'
            cand list 'List the laws with their versions and status on a date'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'quanze;law;help;enact'= {
        }
        &'quanze;law;help;amend'= {
        }
        &'quanze;law;help;repeal'= {
        }
        &'quanze;law;help;apply'= {
        }
        &'quanze;law;help;list'= {
        }
        &'quanze;law;help;help'= {
        }
        &'quanze;impact'= {
            cand --article 'Only the items citing this article (e.g. 第二十七条)'
            cand --as-of 'The lists as they stood on this date (default: today; the output says which)'
            cand --format 'Output format'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;pending'= {
            cand --as-of 'Judge deadlines on this date (default: today; the output says which)'
            cand --format 'Output format'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --all 'Also the effects already answered'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'quanze;align'= {
            cand --as-of 'The lists as they stood on this date (default: today; the output says which)'
            cand --format 'Output format'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;schema'= {
            cand --out 'Write every schema into this directory instead'
            cand --registry 'The registry directory'
            cand --cache 'Keep a stat index, the lists `check` found clean, the checkpoints of `changes` and the parsed files the fast TOML reader declines in DIR, and re-use them while the files'' bytes are unchanged (keyed by content hashes, quanze version and build: the cache cannot go stale)'
            cand --color 'Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set), always, or never'
            cand --jobs 'Use at most N threads, 1 to 256 (default: one per core)'
            cand --unverified 'Show a list whose history does not verify (a broken hash chain, or files with changes the change log does not record), marked as unverified, instead of refusing (exit 1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'quanze;help'= {
            cand completions 'Print the shell completion script for SHELL'
            cand man 'Print the man page (roff)'
            cand check 'Check the registry (or one authority''s list) and list every problem'
            cand stats 'Count a list''s items and units by category, with the indicators and case totals, in the official phrasing'
            cand show 'Show one item in full'
            cand log 'List the change log: every version with its date, decisions and operations'
            cand history 'Show every version of one item, with the deciding documents'
            cand resolve 'Follow merges, splits and recodes from a code to the codes in force'
            cand diff 'What changed between two states of a list, on whose decision'
            cand changes 'Units added, removed and changed (with the columns) in every list'
            cand prune-cache 'Remove from the --cache directory what the registry no longer needs'
            cand audit 'Run every audit check; exit 1 when any finding is an error'
            cand crosswalk 'Old code → new codes between two versions, with the event and deciding documents'
            cand compare 'Compare two authorities'' lists: what one has and the other lacks'
            cand publish 'Publish the list as catalogues: HTML, Markdown, CSV, JSON (and XLSX with the `xlsx` feature), byte-identical for the same registry state'
            cand export 'Export the items of every list (or one) as JSON Lines, one item per line with its authority and version, for DuckDB, Spark and the like'
            cand verify-catalogue 'Tell whether a published JSON catalogue matches the registry at its version'
            cand apply 'Apply an operations file: record it as a new change-log entry and update the list files'
            cand adjust 'Record the difference between the edited list files and the head of the change log'
            cand import 'Import a list from spreadsheets (XLSX, CSV in UTF-8 or GBK) or quanze''s own catalogues'
            cand diff-files 'Compare two spreadsheets or published catalogues without a registry'
            cand law 'Record a law''s enactment, amendment or repeal in the laws log'
            cand impact 'Every item, in every list, that cites a law, and what the law''s latest event means for it'
            cand pending 'Effects of upstream changes (laws amended or repealed, parent items changed) on the lists below, with their deadlines in working days'
            cand align 'Every child list of a parent list side by side: which parent items each claims, and where names, bases, categories and limits deviate'
            cand schema 'Print the JSON Schema of a registry file kind'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'quanze;help;completions'= {
        }
        &'quanze;help;man'= {
        }
        &'quanze;help;check'= {
        }
        &'quanze;help;stats'= {
        }
        &'quanze;help;show'= {
        }
        &'quanze;help;log'= {
        }
        &'quanze;help;history'= {
        }
        &'quanze;help;resolve'= {
        }
        &'quanze;help;diff'= {
        }
        &'quanze;help;changes'= {
        }
        &'quanze;help;prune-cache'= {
        }
        &'quanze;help;audit'= {
        }
        &'quanze;help;crosswalk'= {
        }
        &'quanze;help;compare'= {
        }
        &'quanze;help;publish'= {
        }
        &'quanze;help;export'= {
        }
        &'quanze;help;verify-catalogue'= {
        }
        &'quanze;help;apply'= {
        }
        &'quanze;help;adjust'= {
        }
        &'quanze;help;import'= {
        }
        &'quanze;help;diff-files'= {
        }
        &'quanze;help;law'= {
            cand enact 'A new law enters the laws file (its first version)'
            cand amend 'A new version of a law: amended (修订/修正) by the deciding document'
            cand repeal 'A law is repealed (废止) by the deciding document'
            cand apply 'Record a laws operations file (date, [[decided_by]], [[event]])'
            cand list 'List the laws with their versions and status on a date'
        }
        &'quanze;help;law;enact'= {
        }
        &'quanze;help;law;amend'= {
        }
        &'quanze;help;law;repeal'= {
        }
        &'quanze;help;law;apply'= {
        }
        &'quanze;help;law;list'= {
        }
        &'quanze;help;impact'= {
        }
        &'quanze;help;pending'= {
        }
        &'quanze;help;align'= {
        }
        &'quanze;help;schema'= {
        }
        &'quanze;help;help'= {
        }
    ]
    $completions[$command]
}
