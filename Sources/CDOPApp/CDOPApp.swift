/// The imperative shell: configuration, the command handler and the long-running services.
package enum CDOPAppModule {}
