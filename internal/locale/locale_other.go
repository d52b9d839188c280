//go:build windows || darwin || ios || android || js

package locale

// skip: on these systems the toolkit asks the system, not the environment.
const skip = true
