/// The web server: pages (Mustache templates), the JSON API under /api/v1, users, sessions and practitioner links.
package enum CDOPHTTP {}
