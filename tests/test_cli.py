"""The command line: a --help for every command, and exit codes scripts can rely on."""

from __future__ import annotations

import pytest

from pressx.cli import build_parser, main


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
    assert "no .txt, .md, .html, .htm or .jsonl file" in capsys.readouterr().out


def test_missing_path_exits_2(tmp_path, capsys):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().out
