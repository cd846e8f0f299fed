def kmeans(points, centroids, max_iter=100):
    """Run Lloyd's k-means from the given centroids; return (centroids, labels).

    Ties go to the lowest centroid index; a centroid with no points stays where it is.
    Stop after an iteration that changes no label, or after max_iter iterations.
    """
    raise NotImplementedError("alternate two steps: assign each point, then move each centroid")
