"""Cells that hold several numbered duties (``1.负责…。 2.协调…。``), as agency-keyed tables write an
agency's duties (序号 | 部门 | 事权清单): one row per duty, so each duty is a task of the agency.

Each duty's opening words set the agency's role in it, as in a duty list (``owners.duty_cells``):
``牵头…`` leads, ``配合…``/``协助…`` cooperates, ``会同X…`` leads with X cooperating.
"""
from __future__ import annotations

from dataclasses import replace

from .numbering import split_runs, task_number
from .owners import duty_cells
from .table import Row


def split_numbered_duties(rows: list[Row]) -> list[Row]:
    """Rows with a cell of duties numbered 1, 2, 3… cut into a row per duty; other rows unchanged."""
    out: list[Row] = []
    for row in rows:
        pieces = split_runs(row.text.strip()) if row.text else []
        items = [task_number(p) for p in pieces]
        numbers = [i.number if i else None for i in items]
        if len(pieces) < 2 or numbers != [str(n) for n in range(1, len(pieces) + 1)]:
            out.append(row)
            continue
        owners = [(role, cell) for role, cells in row.agencies.items() for cell in cells]
        for k, item in enumerate(items):
            duty = item.rest.strip(" |｜")
            if len(owners) == 1 and owners[0][0] == "responsible":
                agencies = duty_cells(owners[0][1], "responsible", duty)
            else:
                agencies = {role: list(cells) for role, cells in row.agencies.items()}
            out.append(replace(row, text=duty, duty=item.number, agencies=agencies, section=row.section if k == 0 else None))
    return out
