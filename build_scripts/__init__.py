"""Build-time code for the Codewijzer site: MkDocs hooks, content validation, rendering."""
