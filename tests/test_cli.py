"""The command line: a --help for every command, and exit codes scripts can rely on."""

from __future__ import annotations

import pytest

from pressx import __version__
from pressx.cli import build_parser, main
from pressx.runners.run import RunSettings


def _commands() -> list[str]:
    parser = build_parser()
    return sorted(parser._subparsers._group_actions[0].choices)


@pytest.mark.parametrize("command", [None, *_commands()])
def test_every_command_has_help(command, capsys):
    argv = [command, "--help"] if command else ["--help"]
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    assert "usage: pressx" in text and "--help" in text
    if command in ("run", "check", "query", "show", "report"):
        assert "--out" in text


def test_run_help_documents_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    assert "some documents failed" in capsys.readouterr().out


def test_folder_without_supported_files_exits_2(tmp_path, capsys):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    assert "no .txt, .md, .html, .htm or .jsonl file" in capsys.readouterr().err


def test_missing_path_exits_2(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"pressx {__version__}\n"


@pytest.mark.parametrize("command", ["check", "query", "show", "report"])
@pytest.mark.parametrize("folder", ["missing", "empty"])
def test_every_reader_exits_2_on_stderr_without_output(tmp_path, capsys, command, folder):
    """The same exit status and message for "no output here", whichever reader."""
    out = tmp_path / folder
    if folder == "empty":
        out.mkdir()
    extra = {"query": ["select 1"], "show": ["x"], "report": ["--to", str(tmp_path / "r")]}
    assert main([command, *extra.get(command, []), "--out", str(out)]) == 2
    printed = capsys.readouterr()
    assert printed.out == ""
    assert " ".join(printed.err.split()).startswith(f"pressx {command}: no pressx output in {out}/")


def test_errors_go_to_stderr_and_results_to_stdout(sample_out, tmp_path, capsys):
    assert main(["query", "select nope from people", "--out", str(sample_out)]) == 1
    printed = capsys.readouterr()
    assert printed.out == "" and "pressx query: " in printed.err
    assert main(["show", "no-such-release", "--out", str(sample_out)]) == 1
    printed = capsys.readouterr()
    assert printed.out == "" and "pressx show: no document 'no-such-release'" in printed.err
    assert main(["query", "select 1 as one", "--out", str(sample_out), "--format", "csv"]) == 0
    assert capsys.readouterr() == ("one\n1\n", "")


def test_run_defaults_are_the_run_settings():
    """``pressx run`` and the Python API start from the same defaults (the CLI said 200,000
    characters a batch after RunSettings had moved to 120,000)."""
    args = vars(build_parser().parse_args(["run", "corpus"]))
    defaults = RunSettings()
    names = ["out", "workers", "engine", "batch_size", "batch_chars", "max_chars"]
    names += ["max_file_bytes", "doc_timeout"]
    assert {n: args[n] for n in names} == {n: getattr(defaults, n) for n in names}
