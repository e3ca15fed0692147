"""Files in: YAML read with every position kept, checked into immutable models; the
exercise library, the bundled content and the cache. Imports only errors."""
