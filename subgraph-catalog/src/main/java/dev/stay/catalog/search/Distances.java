package dev.stay.catalog.search;

/** Great-circle distances, as OpenSearch's {@code geo_distance} measures them (arc, mean Earth radius). */
public final class Distances {

    private Distances() {}

    /** Kilometres from one point to the other, to two decimals. */
    public static double km(double fromLat, double fromLon, double toLat, double toLon) {
        double lat1 = Math.toRadians(fromLat);
        double lat2 = Math.toRadians(toLat);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(toLon - fromLon);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        double km = 6371.0088 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
        return Math.round(km * 100) / 100.0;
    }
}
