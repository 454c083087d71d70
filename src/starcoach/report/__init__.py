"""Every renderer of a result (terminal, Markdown, reading view, HTML, questions); none prints."""
