# score.awk - recall of planted disagreements in a `crosscheck check --format text` report.
#
#   awk -f score.awk planted.tsv report.txt
#
# planted.tsv (from gen): check, path:line of the outlier claim, key, values.
# A planted disagreement is found when a finding of that check quotes a
# claim at that path:line.  Findings that quote no planted outlier are
# counted as unplanted (they are false alarms unless the generator's facts
# collide).  Prints: planted found recall unplanted findings.
BEGIN { FS = "\t" }
FNR == NR { want[$1 SUBSEP $2] = 1; planted++; next }
/^[^ ]/ {
    close_finding()
    rule = $0; sub(/.*\[/, "", rule); sub(/\].*/, "", rule)
    infinding = 1; hit = 0; findings++
    next
}
/^  [A-Z] / && infinding {
    loc = $0; sub(/^  [A-Z] /, "", loc)
    n = split(loc, p, ":")
    # path may not contain ':'; take path:line
    pl = p[1] ":" p[2]
    if ((rule SUBSEP pl) in want) { if (!((rule SUBSEP pl) in got)) { got[rule SUBSEP pl] = 1; found++ } hit = 1 }
}
function close_finding() { if (infinding && !hit) unplanted++; infinding = 0 }
END {
    close_finding()
    printf "%d %d %.3f %d %d\n", planted, found, planted ? found / planted : 0, unplanted, findings
}
