/// Support shared by the test targets.
package enum CDOPTestingModule {}
