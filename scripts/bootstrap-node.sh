# Source this file: it puts Node >= 22 first on PATH.
# When the machine's node is older than 22 (these machines ship Node 20), it installs
# Node 24 from the npm registry's `node` package into a cache folder, once.
# On a machine with a current Node it does nothing.
accord_cache="${ACCORD_CACHE:-$HOME/.cache/accord}"
accord_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(accord_node_major)" -lt 22 ]; then
  if [ ! -x "$accord_cache/node24/bin/node" ]; then
    echo "bootstrap: installing Node 24 into $accord_cache/node24 (machine node: $(node --version 2>/dev/null || echo none))" >&2
    npm install --global --no-fund --no-audit --prefix "$accord_cache/node24" node@24 >&2
  fi
  export PATH="$accord_cache/node24/bin:$PATH"
fi
unset -f accord_node_major
