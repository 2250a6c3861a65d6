/// The pure core of cdop: a child's case from notification to closure as value types, commands, events and
/// decide/evolve functions. Nothing in this module reads a clock, makes an identifier, touches a file or logs.
package enum CDOPDomainModule {}
