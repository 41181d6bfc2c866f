"""Reads a GraphML or GEXF file with networkx, a real reader, and prints what it found as JSON.

    python3 read-graph.py graphml|gexf FILE [XSD]

With XSD, the file is first validated against that XML Schema with lxml (libxml2).
Prints {"valid": bool|null, "errors": [...], "nodes": {id: data}, "edges": [[source, target, data]]}.
"""

import json
import sys

import networkx as nx


def main() -> None:
    fmt, path = sys.argv[1], sys.argv[2]
    xsd = sys.argv[3] if len(sys.argv) > 3 else None
    valid, errors = None, []
    if xsd:
        from lxml import etree

        schema = etree.XMLSchema(etree.parse(xsd))
        valid = schema.validate(etree.parse(path))
        errors = [str(e) for e in schema.error_log]
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    out = {
        "valid": valid,
        "errors": errors,
        "directed": graph.is_directed(),
        "graph": graph.graph,
        "nodes": {node: data for node, data in graph.nodes(data=True)},
        "edges": [[s, t, data] for s, t, data in graph.edges(data=True)],
    }
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


main()
