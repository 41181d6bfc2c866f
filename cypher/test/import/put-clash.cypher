// A node outside the graph's entities (no Entity label, no id) holding a url an imported
// source will state, so that its write breaks test_source_url.
CREATE (:Source {url: $url})
