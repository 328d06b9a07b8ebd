// Valueflow draws and explores value-flow maps of integrated care.
package main

func main() {}
