"""Why a file cannot become a policy document: one exception type, with a stable code per reason."""

from __future__ import annotations


class LoadError(ValueError):
    """A file that cannot be read as a policy document; ``code`` names the reason for API clients."""

    code = "unreadable_document"


class UnsupportedFile(LoadError):
    code = "unsupported_file"


class TypeMismatch(LoadError):
    """The content is of another type than the file's name says (a PNG named .pdf)."""

    code = "type_mismatch"


class EmptyDocument(LoadError):
    """Readable, but no text: an empty file, a blank scan, a PDF with neither text nor images."""

    code = "empty_document"


class EncryptedDocument(LoadError):
    code = "encrypted_document"


class DocumentTooLarge(LoadError):
    """Over a parse limit: pages, inflated size, image pixels."""

    code = "document_too_large"
