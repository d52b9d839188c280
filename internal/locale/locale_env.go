//go:build !windows && !darwin && !ios && !android && !js

package locale

// skip: on these systems the toolkit reads the environment.
const skip = false
