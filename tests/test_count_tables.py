"""Tables flattened into running text (pressx.components.count_tables), on tables of archive
releases."""

from __future__ import annotations

import pytest

from pressx.components.count_tables import counted_cells, find_tables

# pib_india/2205200 (the annexure of dev2 pib2-lwe-parliament-reply): rows labelled by years
LWE = (
    "**** Annexure LWE: Violence Data Year Civilians Death SFs martyred 2020 140 43 2021 97 50 "
    "2022 82 16 2023 106 32 2024 131 19 2025 (Till 01.12.2025) 61 32 Total 617 192 This was "
    "stated by the Minister of State in the Ministry of Home Affairs."
)
# pib_india/2205172: a column of row totals, "Grand Total"
WOMEN = (
    "The State-wise details of number of women participants trained as on 01.12.2025 under the "
    "pilot project is as : State Male Female Total EDP Participants Arunachal Pradesh 44 57 101 "
    "Assam 98 35 133 Manipur 89 32 121 Meghalaya 67 53 120 Mizoram 50 37 87 Nagaland 78 46 124 "
    "Sikkim 122 41 163 Tripura 66 28 94 Grand Total 614 329 943"
)
# pib_india/2205700: the totals in the last column, "-" for an empty cell
RESERVE = (
    "the Commission is maintaining a consolidated Reserve List of candidates for each "
    "discipline as under: Discipline Number of candidates kept in Reserve List General EWS OBC "
    "SC ST Total Civil Engineering 49 09 35 01 04 98 Mechanical Engineering 11 01 09 - 01 22 "
    "Electrical Engineering 17 - 14 - 03 34 Electronics & Telecommunication Engineering 16 02 "
    "13 01 - 32 Total 93 12 71 02 08 186 7. Union Public Service Commission has a counter."
)
# pib_india/2205172: one column, rows labelled by financial years
ESDP = (
    "Progress of ESDP scheme for women in the last three years. S. No. Financial Year No. of "
    "Female Beneficiaries 2022-23 121058 2023-24 201706 2024-25 304254 Total 627018 (B) "
    "Ministry of MSME is implementing the programme."
)
# pib_india/2205700: row remarks in brackets and a footnote mark between the figures
RECOMMENDED = (
    "Discipline Number of candidates recommended for appointment Total General EWS OBC SC ST "
    "Civil Engineering 202 (including 08 PwBD-1 and 07 PwBD-03 candidates) 78 26 54 26 18 "
    "Mechanical Engg. 61 (including 02 PwBD-1 and 01 PwBD-3 candidates) 22 05 21 10 03 "
    "Electrical Engg. 79 $ (including 03 PwBD-1 candidates) 30 10 21 12 06 E & T Engineering "
    "116 (including 05 PwBD-1 candidates) 38 09 37 20 12 Total 458 (including 18 PwBD-1 & 08 "
    "PwBD-3 candidates) 168 50 133 68 39 $ In Electrical Engineering, 01 PwBD-3 backlog."
)


def read(text: str):
    return find_tables(
        text, total_words=frozenset({"total"}), total_prefixes=frozenset({"grand"}), max_rows=80
    )


@pytest.mark.parametrize(
    ("text", "labels", "total_column", "counted"),
    [
        (
            LWE,
            ["2020", "2021", "2022", "2023", "2024", "2025"],
            None,
            [140, 43, 97, 50, 82, 16, 106, 32, 131, 19, 61, 32, 617, 192],
        ),
        (
            WOMEN,
            [
                "Arunachal Pradesh",
                "Assam",
                "Manipur",
                "Meghalaya",
                "Mizoram",
                "Nagaland",
                "Sikkim",
                "Tripura",
            ],
            2,
            [101, 133, 121, 120, 87, 124, 163, 94, 614, 329, 943],
        ),
        (
            RESERVE,
            [
                "Mechanical Engineering",
                "Electrical Engineering",
                "Electronics & Telecommunication Engineering",
            ],
            5,
            [98, 22, 34, 32, 93, 12, 71, 2, 8, 186],
        ),
        (ESDP, ["2023-24", "2024-25"], None, [121058, 201706, 304254, 627018]),
        (
            RECOMMENDED,
            ["Mechanical Engg.", "Electrical Engg.", "E & T Engineering"],
            0,
            [202, 61, 79, 116, 458, 168, 50, 133, 68, 39],
        ),
    ],
)
def test_tables_read_back_from_their_total_row(text, labels, total_column, counted):
    (table,) = read(text)
    # the first row's label runs into the header words; the later ones are exact
    assert [row.label for row in table.rows[1:]] == labels[-len(table.rows) + 1 :]
    assert table.total_column == total_column
    cells = counted_cells(table)
    assert [cell.value for _, cell, _ in cells] == counted
    for _, cell, _ in cells:  # the offsets point at the figure as the text writes it
        assert int(text[cell.char_start : cell.char_end].replace(",", "")) == cell.value


@pytest.mark.parametrize(
    "text",
    [
        # one figure changed: the rows no longer add up to the total row
        WOMEN.replace("Assam 98 35 133", "Assam 98 35 134"),
        # pib_india/2205036: rows with missing cells do not line up with the total row
        "25 West Bengal 8,499 8499 26 Andaman & Nicobar 14,000 14,330 11,507 39837 27 Delhi 251 "
        "386 494 1131 Grand Total 3,320,859 3,415,651 3,611,206 10,347,716 The above answer",
        # running text: a total that is not a row
        "A total of 1,643 crore have been released; in total 95 districts were covered.",
    ],
)
def test_figures_that_do_not_add_up_are_no_table(text):
    assert read(text) == []
