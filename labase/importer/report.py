"""What an import did, per La Base table: rows read, imported, updated, unchanged and skipped (with
why), and the repairs it made. Printed at the end, in French, for whoever runs the cut-over."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

EXAMPLES_PER_REASON = 5


@dataclass
class TableReport:
    read: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: Counter = field(default_factory=Counter)
    repaired: Counter = field(default_factory=Counter)
    examples: dict = field(default_factory=lambda: defaultdict(list))


class Report:
    def __init__(self):
        self.tables: dict[str, TableReport] = {}

    def table(self, name: str) -> TableReport:
        return self.tables.setdefault(name, TableReport())

    def read(self, table: str) -> None:
        self.table(table).read += 1

    def imported(self, table: str) -> None:
        self.table(table).imported += 1

    def updated(self, table: str) -> None:
        self.table(table).updated += 1

    def unchanged(self, table: str) -> None:
        self.table(table).unchanged += 1

    def skipped(self, table: str, reason: str, source_id: str = "") -> None:
        report = self.table(table)
        report.skipped[reason] += 1
        self._example(report, reason, source_id)

    def repaired(self, table: str, note: str, source_id: str = "") -> None:
        report = self.table(table)
        report.repaired[note] += 1
        self._example(report, note, source_id)

    @staticmethod
    def _example(report: TableReport, reason: str, source_id: str) -> None:
        if source_id and len(report.examples[reason]) < EXAMPLES_PER_REASON:
            report.examples[reason].append(source_id)

    def written(self) -> int:
        return sum(report.imported + report.updated for report in self.tables.values())

    def lines(self) -> list[str]:
        lines = []
        for name, report in self.tables.items():
            skipped = sum(report.skipped.values())
            lines.append(
                f"{name} : {report.read} lues, {report.imported} importées, {report.updated} mises à jour, "
                f"{report.unchanged} inchangées, {skipped} ignorées"
            )
            for reason, count in report.skipped.most_common():
                lines.append(f"  ignorées ({count}) : {reason}{self._ids(report, reason)}")
            for note, count in report.repaired.most_common():
                lines.append(f"  réparées ({count}) : {note}{self._ids(report, note)}")
        return lines

    @staticmethod
    def _ids(report: TableReport, reason: str) -> str:
        ids = report.examples.get(reason)
        return f" — par exemple {', '.join(ids)}" if ids else ""
