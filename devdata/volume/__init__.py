"""Volume for benchmarks (generate_releases): realistic releases made from phrase banks."""
