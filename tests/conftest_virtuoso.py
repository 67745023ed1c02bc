"""The real servers' fixtures, under the name older tests import them by (see ``conftest_servers``)."""

from conftest_servers import (PASSWORD, SCRIPT, Virtuoso, any_store, free_port, fuseki, oxigraph,  # noqa: F401
                              server, virtuoso)
