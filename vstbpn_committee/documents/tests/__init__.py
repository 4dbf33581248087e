from . import test_document
from . import test_document_numbering
from . import test_document_security
from . import test_document_seed
from . import test_document_ui
from . import test_document_incoming
from . import test_document_docx
