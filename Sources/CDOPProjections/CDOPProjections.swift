/// Projectors (events to SQLite rows inside the append's transaction) and the queries over them.
package enum CDOPProjectionsModule {}
