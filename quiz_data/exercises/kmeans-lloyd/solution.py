def _nearest(point, centroids):
    """Index of the centroid closest to `point`; on equal distances the lowest index,
    because only a strictly smaller distance replaces the current best."""
    best, best_dist = 0, None
    for j, centre in enumerate(centroids):
        dist = 0.0
        for a, b in zip(point, centre, strict=True):
            dist += (a - b) * (a - b)
        if best_dist is None or dist < best_dist:
            best, best_dist = j, dist
    return best


def kmeans(points, centroids, max_iter=100):
    """Run Lloyd's k-means from the given centroids; return (centroids, labels).

    Ties go to the lowest centroid index; a centroid with no points stays where it is.
    Stop after an iteration that changes no label, or after max_iter iterations.
    """
    if not centroids:
        raise ValueError("need at least one centroid")
    if max_iter < 1:
        raise ValueError(f"max_iter must be at least 1, got {max_iter}")
    dim = len(centroids[0])
    for name, rows in (("centroid", centroids), ("point", points)):
        for i, row in enumerate(rows):
            if len(row) != dim:
                raise ValueError(f"{name} {i} has {len(row)} coordinates, expected {dim}")
    centres = [[float(x) for x in c] for c in centroids]  # our own copy: inputs stay put
    labels = None
    for _ in range(max_iter):
        new_labels = [_nearest(p, centres) for p in points]
        sums = [[0.0] * dim for _ in centres]
        counts = [0] * len(centres)
        for p, j in zip(points, new_labels, strict=True):
            counts[j] += 1
            for axis in range(dim):
                sums[j][axis] += p[axis]
        for j, count in enumerate(counts):
            if count:  # an empty cluster keeps its centroid instead of dividing by zero
                centres[j] = [s / count for s in sums[j]]
        if new_labels == labels:
            break
        labels = new_labels
    return centres, new_labels
